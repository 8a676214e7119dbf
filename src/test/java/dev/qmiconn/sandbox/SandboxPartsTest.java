package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/** The sandbox's own parts, against a stand-in socket instead of the emulator. */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class SandboxPartsTest {

    private static StandInModem modem;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(new SandboxOptions("stand-in", null, null), new ExecRunner(), (s, socket) -> {
            modem = StandInModem.start(s, socket);
            return modem;
        });
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static CommandResult inside(String... argv) {
        return sandbox.exec(List.of(argv), Duration.ofSeconds(15));
    }

    @Test
    void should_let_qmicli_detect_a_qmi_wwan_modem_without_extra_flags() {
        CommandResult format = inside("qmicli", "-d", "/dev/cdc-wdm0", "--get-expected-data-format");
        assertEquals(0, format.exitCode(), format.stderr());
        assertEquals("802-3", format.stdout().strip());
        CommandResult iface = inside("qmicli", "-d", "/dev/cdc-wdm0", "--get-wwan-iface");
        assertEquals("wwan0", iface.stdout().strip(), iface.stderr());
    }

    @Test
    void should_show_only_the_namespaces_own_interfaces() {
        CommandResult links = inside("ip", "-o", "link", "show");
        assertTrue(links.stdout().contains("wwan0"), links.stdout());
        assertFalse(links.stdout().contains("mdm0"), links.stdout());
        assertEquals(2, links.stdout().strip().lines().count(), links.stdout());
    }

    @Test
    void should_keep_etc_tmp_and_run_writes_inside() throws Exception {
        String probe = "qmi-conn-probe-" + sandbox.names().prefix() + ProcessHandle.current().pid();
        List<Path> onHost = List.of(Path.of("/etc", probe), Path.of("/tmp", probe), Path.of("/run", probe));
        try {
            CommandResult touch = inside("touch", "/etc/" + probe, "/tmp/" + probe, "/run/" + probe);
            assertEquals(0, touch.exitCode(), touch.stderr());
            assertTrue(Files.exists(sandbox.etcDir().resolve(probe)));
            assertTrue(Files.exists(sandbox.tmpDir().resolve(probe)));
            assertTrue(Files.exists(sandbox.runDir().resolve(probe)));
            for (Path p : onHost) {
                assertFalse(Files.exists(p), p + " reached the host");
            }
        } finally {
            for (Path p : onHost) { // only if isolation broke: the name is this run's own
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void should_lease_the_session_address_only_while_a_session_is_up() throws Exception {
        Path script = sandbox.tmpDir().resolve("print-env.sh");
        Files.writeString(script, "#!/bin/sh\necho \"event=$1 ip=$ip router=$router dns=$dns mtu=$mtu\"\n");
        script.toFile().setExecutable(true);
        assertEquals(0, inside("ip", "link", "set", "wwan0", "up").exitCode());
        List<String> udhcpc = List.of("udhcpc", "-i", "wwan0", "-f", "-q", "-n", "-t", "3", "-T", "1", "-O", "mtu",
                "-s", "/tmp/print-env.sh");

        // one DISCOVER, one second: enough to see that nobody answers
        List<String> once = List.of("udhcpc", "-i", "wwan0", "-f", "-q", "-n", "-t", "1", "-T", "1", "-s",
                "/tmp/print-env.sh");
        CommandResult none = sandbox.exec(once, Duration.ofSeconds(15));
        assertEquals(1, none.exitCode(), none.stdout() + none.stderr());

        modem.setSession(Optional.of(new SessionSettings("10.64.64.64", 24, "10.64.64.1", "10.1.1.1",
                "10.1.1.2", 1430)));
        CommandResult lease = sandbox.exec(udhcpc, Duration.ofSeconds(15));
        assertEquals(0, lease.exitCode(), lease.stdout() + lease.stderr());
        assertTrue(lease.stdout().contains("event=bound ip=10.64.64.64 router=10.64.64.1 dns=10.1.1.1 10.1.1.2 "
                + "mtu=1430"), lease.stdout());

        modem.setSession(Optional.empty());
        CommandResult dropped = sandbox.exec(once, Duration.ofSeconds(15));
        assertEquals(1, dropped.exitCode(), dropped.stdout());
    }

    @Test
    void should_remove_and_restore_the_device_when_the_modem_vanishes() {
        modem.setPresent(false);
        assertEquals(1, inside("test", "-c", "/dev/cdc-wdm0").exitCode());
        modem.setPresent(true);
        assertEquals(0, inside("test", "-c", "/dev/cdc-wdm0").exitCode());
        assertEquals(0, new ExecRunner().run(CommandSpec.of("true")).exitCode());
    }
}
