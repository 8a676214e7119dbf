package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.emulator.ManualClock;
import dev.qmiconn.emulator.ModemEmulator;
import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;

/**
 * The generated stanza run by the real Debian ifup/ifdown inside the sandbox (private network and mount
 * namespaces: its /etc is an overlay, /run and /tmp are private), against the emulated E397u-53: the real
 * qmi-conn up/down through the launcher, the real qmicli and udhcpc. ifupdown gets a private --state-dir and
 * --no-scripts (the host's /etc/network/if-*.d hooks are not ours to run).
 */
@RealTools({"ifup", "ifdown", "dhclient", "qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class IfupdownInSandboxTest {

    private static final Duration IFUP_BOUND = Duration.ofSeconds(60);

    private Sandbox sandbox;

    @AfterEach
    void close() throws IOException {
        if (sandbox == null) {
            return;
        }
        // ifupdown's inet dhcp (guide style) leaves dhclient running until ifdown: stop it by its PID file
        Path dhclientPid = sandbox.runDir().resolve("dhclient.wwan0.pid");
        if (Files.exists(dhclientPid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(dhclientPid).strip())).ifPresent(ProcessHandle::destroy);
        }
        sandbox.close();
    }

    private static Path home() {
        String home = System.getenv("QMI_CONN_HOME");
        return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath();
    }

    /** Writes the stanza where the sandbox sees it as /tmp/interfaces; extra options go to generate. */
    private void generate(String... options) {
        Path out = sandbox.tmpDir().resolve("interfaces");
        List<String> args = new ArrayList<>(List.of("generate", "interfaces", "--force",
                "--qmi-conn", home().resolve("bin/qmi-conn").toString(),
                "--out", out.toString(), "--root", sandbox.tmpDir().toString()));
        args.addAll(List.of(options));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
    }

    private CommandResult ifupdown(String program) throws IOException {
        Files.createDirectories(sandbox.runDir().resolve("ifstate"));
        return sandbox.exec(List.of(program, "-v", "-i", "/tmp/interfaces", "--state-dir=/run/ifstate",
                "--no-scripts", "wwan0"), IFUP_BOUND);
    }

    private String wwan0Addresses() {
        return sandbox.exec(List.of("ip", "-4", "-o", "addr", "show", "dev", "wwan0"), Duration.ofSeconds(10)).stdout();
    }

    /** The sandbox's /etc/resolv.conf as up left it (nothing manages it there, so up's auto DNS writes it). */
    private String resolvConf() throws IOException {
        Path head = sandbox.etcDir().resolve("resolv.conf");
        return Files.exists(head) ? Files.readString(head) : "";
    }

    @Test
    void should_bring_wwan0_up_with_ifup_and_tear_it_down_with_ifdown() throws IOException {
        sandbox = Sandbox.start(new SandboxOptions("e397u-53", null, home()), new ExecRunner(),
                new EmulatorModems());
        // a hostile but valid path: the real qmi-conn must get it as one literal directory name
        String stateDir = "/run/qc state/$(touch /tmp/pwned);`touch /tmp/pwned2`";
        generate("--apn", "fast.metropcs.com", "--state-dir", stateDir);

        CommandResult up = ifupdown("ifup");
        assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
        EmulatedModem.SessionSettings session = sandbox.emulator().session().orElseThrow();
        assertTrue(wwan0Addresses().contains("inet " + session.address() + "/" + session.prefixLength()),
                wwan0Addresses());
        assertTrue(resolvConf().contains("nameserver " + session.dns1() + "\nnameserver " + session.dns2()),
                resolvConf());
        assertTrue(Files.isDirectory(sandbox.runDir().resolve(stateDir.substring("/run/".length()))),
                "state went to the literal --state-dir");
        assertFalse(Files.exists(sandbox.tmpDir().resolve("pwned")) || Files.exists(sandbox.tmpDir().resolve("pwned2")),
                "nothing but qmi-conn ran");

        CommandResult down = ifupdown("ifdown");
        assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
        assertEquals(0, sandbox.emulator().liveClientIds(), "ifdown leaves no client id allocated");
        assertEquals(0, sandbox.emulator().liveSessions());
        assertFalse(wwan0Addresses().contains(session.address()), wwan0Addresses());
        assertFalse(resolvConf().contains("nameserver " + session.dns1()), resolvConf());
    }

    @Test
    void should_come_up_when_the_modem_appears_three_seconds_after_ifup_starts() throws Exception {
        // The emulator's timeline on a clock the test moves: the modem is gone at t=1 s, back at t=2 s.
        ManualClock clock = new ManualClock();
        Scenario late = Scenario.parse(resource("/scenarios/vanish.json")
                .replace("\"fromSeconds\": 3", "\"fromSeconds\": 1")
                .replace("\"returnAtSeconds\": 6", "\"returnAtSeconds\": 2"), "vanish at 1 s, back at 2 s");
        sandbox = Sandbox.start(new SandboxOptions("vanish", null, home()), new ExecRunner(),
                (name, socket) -> ModemEmulator.start(late, socket, clock));
        CountDownLatch gone = new CountDownLatch(1);
        AtomicLong backAt = new AtomicLong();
        sandbox.emulator().onDevicePresence(present -> {
            if (present) {
                backAt.set(System.nanoTime());
            } else {
                gone.countDown();
            }
        });
        generate("--apn", "fast.metropcs.com");
        clock.advanceSeconds(1);
        assertTrue(gone.await(5, TimeUnit.SECONDS), "the modem vanished");
        assertFalse(deviceInside(), "/dev/cdc-wdm0 is gone inside before ifup starts");

        long ifupStart = System.nanoTime();
        CompletableFuture<CommandResult> up = CompletableFuture.supplyAsync(() -> {
            try {
                return ifupdown("ifup");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(3000);
        clock.advanceSeconds(1);
        CommandResult result = up.get(IFUP_BOUND.toSeconds(), TimeUnit.SECONDS);

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(backAt.get() - ifupStart >= TimeUnit.MILLISECONDS.toNanos(2900),
                "the device came back only " + (backAt.get() - ifupStart) / 1_000_000 + " ms after ifup started");
        EmulatedModem.SessionSettings session = sandbox.emulator().session().orElseThrow();
        assertTrue(wwan0Addresses().contains("inet " + session.address()), wwan0Addresses());
        assertEquals(0, ifupdown("ifdown").exitCode());
        assertEquals(0, sandbox.emulator().liveClientIds());
    }

    @Test
    void should_run_the_guide_stanza_as_the_guide_does_with_qmi_network_and_ifupdown_dhcp() throws IOException {
        sandbox = Sandbox.start(new SandboxOptions("e397u-53", null, home()), new ExecRunner(),
                new EmulatorModems());
        // inet dhcp runs isc dhclient (ifupdown's first choice), which keeps leases in /var/lib/dhcp: give it a
        // private one in the sandbox's own mount namespace (its /etc, /run, /tmp are private already)
        CommandResult tmpfs = sandbox.exec(List.of("mount", "-t", "tmpfs", "qmi-conn-dhcp", "/var/lib/dhcp"),
                Duration.ofSeconds(10));
        assertEquals(0, tmpfs.exitCode(), tmpfs.stderr());
        generate("--style", "guide", "--apn", "fast.metropcs.com");

        CommandResult up = ifupdown("ifup");
        assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
        assertTrue(up.stdout().contains("Network started successfully"), up.stdout());
        EmulatedModem.SessionSettings session = sandbox.emulator().session().orElseThrow();
        assertTrue(wwan0Addresses().contains("inet " + session.address() + "/" + session.prefixLength()),
                wwan0Addresses());

        CommandResult down = ifupdown("ifdown");
        assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
        assertEquals(0, sandbox.emulator().liveSessions());
        assertEquals(0, sandbox.emulator().liveClientIds());
    }

    private boolean deviceInside() {
        return sandbox.exec(List.of("test", "-e", "/dev/cdc-wdm0"), Duration.ofSeconds(5)).exitCode() == 0;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IfupdownInSandboxTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
