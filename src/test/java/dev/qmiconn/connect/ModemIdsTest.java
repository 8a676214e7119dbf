package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.qmi.LibqmiVersion;
import dev.qmiconn.qmi.QmiClient;

/** IMEI and ICCID are asked once per plug-in (device node), then read from the state dir. */
class ModemIdsTest {

    private static final Path FIXTURES = Path.of("test-fixtures", "qmicli", "1.32.2");

    @TempDir
    Path tmp;

    private static String fixture(String action, String file) throws IOException {
        return Files.readString(FIXTURES.resolve(action).resolve(file));
    }

    private StatusReport.Ids lookup(Path device, List<Transcript> calls) {
        try (ReplayingRunner runner = new ReplayingRunner(calls)) {
            QmiClient qmi = new QmiClient(runner, device.toString(), false, Duration.ofSeconds(5),
                    LibqmiVersion.parseBare("1.32.2"));
            return ModemIds.lookup(qmi, device, tmp.resolve("cdc-wdm0.ids"));
        }
    }

    private static List<Transcript> asked(Path device, String iccidOut, int iccidExit, String iccidErr)
            throws IOException {
        return List.of(
                Transcript.of(List.of("qmicli", "-d", device.toString(), "--dms-get-ids"), 0,
                        fixture("dms-get-ids", "emulator-e397u-53.out"), ""),
                Transcript.of(List.of("qmicli", "-d", device.toString(), "--dms-uim-get-iccid"), iccidExit, iccidOut,
                        iccidErr));
    }

    @Test
    void should_ask_once_then_answer_from_the_state_dir_until_the_modem_is_replugged() throws IOException {
        Path device = Files.createFile(tmp.resolve("cdc-wdm0"));
        List<Transcript> ask = asked(device, fixture("dms-uim-get-iccid", "emulator-e397u-53.out"), 0, "");

        StatusReport.Ids first = lookup(device, ask);
        StatusReport.Ids again = lookup(device, List.of()); // no qmicli run at all

        assertEquals(new StatusReport.Ids("866948010012345", "8901260842100012345"), first);
        assertEquals(first, again);

        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("rw-------")); // a new ctime
        ensureCtimeMoved(device);
        assertEquals(first, lookup(device, ask));
    }

    @Test
    void should_leave_the_iccid_out_when_there_is_no_sim() throws IOException {
        Path device = Files.createFile(tmp.resolve("cdc-wdm0"));
        List<Transcript> ask = asked(device, "", 1, fixture("dms-uim-get-iccid", "emulator-no-sim.err"));

        assertEquals(new StatusReport.Ids("866948010012345", null), lookup(device, ask));
        assertEquals(new StatusReport.Ids("866948010012345", null), lookup(device, List.of()));
    }

    private static void ensureCtimeMoved(Path device) throws IOException {
        String before = ModemIds.nodeKey(device).orElseThrow();
        for (int i = 0; i < 50 && ModemIds.nodeKey(device).orElseThrow().equals(before); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.setPosixFilePermissions(device, PosixFilePermissions.fromString(i % 2 == 0 ? "rw-r-----"
                    : "rw-------"));
        }
    }
}
