package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/**
 * The generated stanza through the real Debian ifup/ifdown (ifupdown 0.8), in a network namespace this test
 * makes, with a veth end named wwan0 and a stand-in qmi-conn that records its argv. ifupdown keeps its state
 * in a private --state-dir and runs no hook scripts (--no-scripts), so nothing of the host's /run/network or
 * /etc/network/if-*.d is touched. Proves: hostile values reach qmi-conn intact and nothing else runs.
 */
@RealTools({"ifup", "ifdown", "ip"})
class IfupWithStandInTest {

    @TempDir
    Path tmp;

    private final ExecRunner runner = new ExecRunner();
    private final String netns = "qc" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)) + "-gen";

    @BeforeEach
    void namespaceWithWwan0() {
        run("ip", "netns", "add", netns);
        run("ip", "-n", netns, "link", "add", "wwan0", "type", "veth", "peer", "name", "mdm0");
    }

    @AfterEach
    void removeNamespace() {
        runner.run(CommandSpec.of("ip", "netns", "delete", netns));
    }

    @Test
    void should_run_only_qmi_conn_with_intact_argv_on_ifup_and_ifdown() throws IOException {
        StandIn standIn = new StandIn(Files.createDirectory(tmp.resolve("bin")));
        String d = standIn.dir.toString();
        String stateDir = d + "/state dir/$(touch " + d + "/pwned1)";
        String resolvHead = d + "/a'b;touch " + d + "/pwned2;'`touch " + d + "/pwned3`";
        String password = "x;>" + d + "/pwned4&|*(y)<z>#~!%iface%";
        Path stanza = tmp.resolve("interfaces");
        Cli gen = Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com", "--password", password,
                "--state-dir", stateDir, "--resolv-head", resolvHead, "--qmi-conn", standIn.program.toString(),
                "--out", stanza.toString(), "--root", tmp.toString());
        assertEquals(0, gen.exitCode(), gen.err());

        CommandResult up = ifupdown("ifup", stanza);
        assertEquals(0, up.exitCode(), up.stderr());
        assertEquals(List.of(List.of("up", "--apn", "fast.metropcs.com", "--device", "/dev/cdc-wdm0",
                "--iface", "wwan0", "--password", password, "--state-dir", stateDir, "--resolv-head", resolvHead)),
                standIn.calls());
        assertTrue(Files.readString(tmp.resolve("ifstate/ifstate")).contains("wwan0=wwan0"));

        CommandResult down = ifupdown("ifdown", stanza);
        assertEquals(0, down.exitCode(), down.stderr());
        assertEquals(List.of("down", "--device", "/dev/cdc-wdm0", "--iface", "wwan0", "--state-dir", stateDir,
                "--resolv-head", resolvHead), standIn.calls().get(1));
        assertEquals(2, standIn.calls().size());
        assertEquals(List.of(), standIn.strayFiles());
        assertFalse(Files.readString(tmp.resolve("ifstate/ifstate")).contains("wwan0="));
    }

    @Test
    void should_fail_ifup_and_leave_wwan0_unconfigured_when_qmi_conn_up_fails() throws IOException {
        Path program = tmp.resolve("qmi-conn");
        Files.writeString(program, "#!/bin/sh\necho 'qmi-conn: no signal before --timeout' >&2\nexit 8\n");
        program.toFile().setExecutable(true);
        Path stanza = tmp.resolve("interfaces");
        assertEquals(0, Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com", "--qmi-conn",
                program.toString(), "--out", stanza.toString(), "--root", tmp.toString()).exitCode());
        CommandResult up = ifupdown("ifup", stanza);
        assertTrue(up.exitCode() != 0, "ifup must fail when pre-up fails");
        assertTrue(up.stderr().contains("qmi-conn: no signal before --timeout"), up.stderr());
        String state = Files.exists(tmp.resolve("ifstate/ifstate"))
                ? Files.readString(tmp.resolve("ifstate/ifstate")) : "";
        assertFalse(state.contains("wwan0="), state);
    }

    private CommandResult ifupdown(String program, Path stanza) throws IOException {
        Files.createDirectories(tmp.resolve("ifstate"));
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns, program, "-i", stanza.toString(),
                "--state-dir=" + tmp.resolve("ifstate"), "--no-scripts", "wwan0"));
        return runner.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(30)));
    }

    private void run(String... argv) {
        CommandResult r = runner.run(CommandSpec.of(argv));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.stderr());
    }
}
