package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/** Nothing of a sandbox survives it: no namespace, no mount, no process it started, no directory. */
@RealTools({"socat", "dnsmasq", "ip", "nsenter", "unshare"})
class SandboxCleanupTest {

    private static final ExecRunner RUNNER = new ExecRunner();

    private static Sandbox startWithSession(StandInModem[] holder) {
        Sandbox sandbox = Sandbox.start(new SandboxOptions("stand-in", null, null), RUNNER, (s, socket) -> {
            holder[0] = StandInModem.start(s, socket);
            return holder[0];
        });
        holder[0].setSession(Optional.of(new SessionSettings("10.64.64.64", 24, "10.64.64.1", "10.1.1.1", null,
                1500)));
        sandbox.start(List.of("sleep", "600"));
        return sandbox;
    }

    private static String netnsList() {
        return RUNNER.run(CommandSpec.of("ip", "netns", "list")).stdout();
    }

    private static void assertNothingLeft(SandboxNames names, List<Long> pids, Path workDir) throws Exception {
        String netns = netnsList();
        assertFalse(netns.contains(names.prefix()), netns);
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " alive");
        }
        assertFalse(Files.exists(workDir), workDir + " left behind");
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        assertFalse(mounts.contains(workDir.toString()), "a mount names " + workDir);
        assertFalse(mounts.contains(names.prefix()), "a mount names " + names.prefix());
    }

    @Test
    void should_leave_no_namespace_mount_process_or_directory_after_close() throws Exception {
        Sandbox sandbox = startWithSession(new StandInModem[1]);
        SandboxNames names = sandbox.names();
        List<Long> pids = sandbox.processIds();
        Path workDir = sandbox.workDir();
        long holder = sandbox.holderPid();
        assertEquals(4, pids.size(), "holder, socat, dnsmasq, sleep: " + pids);
        assertTrue(netnsList().contains(names.hostNamespace()));

        sandbox.close();

        assertFalse(Files.exists(Path.of("/proc", Long.toString(holder), "mountinfo")), "holder still there");
        assertNothingLeft(names, pids, workDir);
    }

    @Test
    void should_sweep_the_leftovers_of_a_killed_run() throws Exception {
        Sandbox sandbox = startWithSession(new StandInModem[1]);
        SandboxNames names = sandbox.names();
        List<Long> pids = sandbox.processIds();
        Path workDir = sandbox.workDir();
        // A run killed with SIGKILL: its owner JVM is gone. Stand in for it with a PID that has just exited.
        long dead = RUNNER.start(CommandSpec.of("true")).pid();
        while (ProcessHandle.of(dead).isPresent()) {
            Thread.sleep(10);
        }
        Files.writeString(workDir.resolve("owner"), dead + "\n");
        // Not the sandbox's: a process that merely names the stale directory in its argv must survive.
        BackgroundProcess stranger = RUNNER.start(CommandSpec.of("tail", "-F", "-s", "600",
                workDir.resolve("not-ours").toString()));
        try {
            List<String> swept = new StaleSandboxSweeper(RUNNER, workDir.getParent()).sweep();

            assertEquals(List.of(names.prefix()), swept);
            assertNothingLeft(names, pids, workDir);
            assertTrue(stranger.isAlive(), "the sweeper stopped pid " + stranger.pid() + ", which it never started");
        } finally {
            stranger.stop(Duration.ofSeconds(2));
        }
        sandbox.close(); // finds nothing left to do, and says nothing failed
    }
}
