package dev.qmiconn.connect;

import static dev.qmiconn.connect.FlowFixtures.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;

/**
 * The one-shot {@code up}'s checks run on a thread beside the lock and the device wait ({@link EarlyChecks}), yet
 * refuse as when they ran in line: nothing reaches the modem (the replay has no transcript, so any qmicli fails
 * the test), the words and exit code are the check's own, and the order stays preflight, device, ModemManager.
 */
class EarlyChecksTest {

    @TempDir
    Path tmp;

    private final FlowFixtures.FakePacer pacer = new FlowFixtures.FakePacer();
    private final FlowFixtures.Out out = new FlowFixtures.Out();

    private UpRequest request(String iface) throws Exception {
        return new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", iface, null, null, null, null, null, IpConfig.DHCP,
                Backend.QMICLI, Duration.ofSeconds(20), DnsMode.FILE, false, paths(tmp));
    }

    private QmiConnException up(UpRequest req, boolean devicePresent) {
        try (ReplayingRunner runner = new ReplayingRunner(List.of())) {
            return assertThrows(QmiConnException.class,
                    () -> new UpFlow(runner, pacer, out.writer, p -> devicePresent).keepingQueryIds().run(req));
        }
    }

    private void modemManagerHolds(String device) throws Exception {
        Path proc = tmp.resolve("root/proc/588");
        Files.createDirectories(proc.resolve("fd"));
        Files.writeString(proc.resolve("comm"), "ModemManager\n");
        Files.createSymbolicLink(proc.resolve("fd/12"), Path.of(device));
    }

    @Test
    void should_refuse_an_interface_not_the_devices_before_saying_the_device_never_appeared() throws Exception {
        QmiConnException e = up(request("eth0"), false);

        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("eth0"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("run/cdc-wdm0.json")), "no record: nothing was started");
    }

    @Test
    void should_say_the_device_never_appeared_before_naming_modem_manager() throws Exception {
        modemManagerHolds("/dev/cdc-wdm0");

        QmiConnException e = up(request(null), false);

        assertEquals(ExitCode.DEVICE_MISSING, e.exitCode(), e.getMessage());
    }

    @Test
    void should_refuse_modem_manager_on_the_port_before_any_qmicli_runs() throws Exception {
        modemManagerHolds("/dev/cdc-wdm0");

        QmiConnException e = up(request(null), true);

        assertEquals(ExitCode.PORT_IN_USE, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().startsWith("ModemManager (pid 588) holds /dev/cdc-wdm0"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("run/cdc-wdm0.json")), "no record: nothing was started");
    }

    @Test
    void should_refuse_a_dns_file_it_could_not_replace_before_modem_manager() throws Exception {
        modemManagerHolds("/dev/cdc-wdm0");
        Path resolv = tmp.resolve("etc/resolv.conf");
        Files.createDirectories(resolv); // a directory where the file backend must write a file

        QmiConnException e = up(request(null), true);

        assertTrue(e.exitCode() != ExitCode.PORT_IN_USE, e.exitCode() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("resolv.conf"), e.getMessage());
    }
}
