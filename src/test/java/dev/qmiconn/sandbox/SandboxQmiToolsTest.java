package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/** The real, unmodified qmicli and qmi-network (libqmi 1.32.2) against the emulated E397u-53 in the sandbox. */
@RealTools({"qmicli", "qmi-network", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxQmiToolsTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(new SandboxOptions("e397u-53", null, null), new ExecRunner(), new EmulatorModems());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static CommandResult qmicli(String... args) {
        List<String> argv = new ArrayList<>(List.of("qmicli", "-d", "/dev/cdc-wdm0"));
        argv.addAll(List.of(args));
        CommandResult r = sandbox.exec(argv, Duration.ofSeconds(20));
        assertEquals(0, r.exitCode(), () -> argv + " failed:\n" + r.stdout() + r.stderr());
        return r;
    }

    @Test
    @Order(1)
    void should_answer_qmicli_queries_of_ids_signal_and_serving_system() {
        assertTrue(qmicli("--dms-get-ids").stdout().contains("IMEI: '866948010012345'"));
        assertTrue(qmicli("--dms-get-model").stdout().contains("E397u-53"));
        assertTrue(qmicli("--nas-get-signal-strength").stdout().contains("lte"));
        String serving = qmicli("--nas-get-serving-system").stdout();
        assertTrue(serving.contains("Registration state: 'registered'"), serving);
        assertEquals(0, sandbox.emulator().liveClientIds(), "qmicli released its client ids");
    }

    @Test
    @Order(2)
    void should_report_no_wda_on_the_e397u_53_and_the_kernels_802_3_format() {
        CommandResult wda = sandbox.exec(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wda-get-data-format"),
                Duration.ofSeconds(20));
        assertEquals(1, wda.exitCode());
        assertTrue(wda.stderr().contains("InvalidServiceType") || wda.stderr().contains("not supported"),
                wda.stderr());
        assertEquals("802-3", qmicli("--get-expected-data-format").stdout().strip());
    }

    @Test
    @Order(3)
    void should_start_query_and_stop_a_session_with_qmicli() {
        String started = qmicli("--wds-start-network=apn='fast.metropcs.com'", "--client-no-release-cid").stdout();
        assertTrue(started.contains("Network started"), started);
        String handle = started.replaceAll("(?s).*Packet data handle: '(\\d+)'.*", "$1");
        String cid = started.replaceAll("(?s).*CID: '(\\d+)'.*", "$1");
        assertEquals(1, sandbox.emulator().liveSessions());

        assertTrue(qmicli("--wds-get-packet-service-status").stdout().contains("'connected'"));
        String settings = qmicli("--wds-get-current-settings").stdout();
        assertTrue(settings.contains("IPv4 address: 100.66.12.65"), settings);
        assertTrue(qmicli("--wds-get-packet-statistics").stdout().contains("TX packets OK"));

        qmicli("--wds-stop-network=" + handle, "--client-cid=" + cid);
        assertEquals(0, sandbox.emulator().liveSessions());
        assertEquals(0, sandbox.emulator().liveClientIds());
    }

    @Test
    @Order(4)
    void should_connect_with_qmi_network_and_lease_the_session_address_with_udhcpc() throws Exception {
        Files.writeString(sandbox.tmpDir().resolve("qmi-network.conf"), "APN=fast.metropcs.com\n");
        List<String> qmiNetwork = List.of("qmi-network", "--profile=/tmp/qmi-network.conf", "/dev/cdc-wdm0");
        CommandResult start = exec(qmiNetwork, "start");
        assertEquals(0, start.exitCode(), start.stdout() + start.stderr());
        assertEquals(0, exec(qmiNetwork, "status").exitCode());
        assertTrue(Files.readString(sandbox.tmpDir().resolve("qmi-network-state-cdc-wdm0")).contains("PDH="));

        Path script = sandbox.tmpDir().resolve("print-env.sh");
        Files.writeString(script, "#!/bin/sh\necho \"event=$1 ip=$ip mask=$mask router=$router dns=$dns\"\n");
        script.toFile().setExecutable(true);
        assertEquals(0, sandbox.exec(List.of("ip", "link", "set", "wwan0", "up"), Duration.ofSeconds(5)).exitCode());
        CommandResult lease = sandbox.exec(List.of("udhcpc", "-i", "wwan0", "-f", "-q", "-n", "-t", "5", "-T", "1",
                "-s", "/tmp/print-env.sh"), Duration.ofSeconds(15));
        assertEquals(0, lease.exitCode(), lease.stdout() + lease.stderr());
        assertTrue(lease.stdout().contains("event=bound ip=100.66.12.65 mask=30 router=100.66.12.66 "
                + "dns=10.177.0.34 10.177.0.210"), lease.stdout());

        CommandResult stop = exec(qmiNetwork, "stop");
        assertEquals(0, stop.exitCode(), stop.stdout() + stop.stderr());
        assertEquals(64, exec(qmiNetwork, "status").exitCode());
        assertEquals(0, sandbox.emulator().liveSessions());
        assertEquals(0, sandbox.emulator().liveClientIds());
    }

    private static CommandResult exec(List<String> base, String action) {
        List<String> argv = new ArrayList<>(base);
        argv.add(action);
        return sandbox.exec(argv, Duration.ofSeconds(30));
    }
}
