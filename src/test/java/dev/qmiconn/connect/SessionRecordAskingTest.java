package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.ServingSystem;

/**
 * {@code up}'s NAS id allocated by its first query ({@code --nas-get-serving-system --client-no-release-cid}, one
 * qmicli run): recorded as an allocation is, the marker before the run and the id after, also on a failure.
 */
class SessionRecordAskingTest {

    static final List<String> ARGV = List.of("qmicli", "-d", "/dev/cdc-wdm0", "--nas-get-serving-system",
            "--client-no-release-cid");
    /** qmicli 1.32.2 against the emulated E397u-53 (2026-11-30). */
    static final String OUT = """
            [/dev/cdc-wdm0] Successfully got serving system:
            \tRegistration state: 'registered'
            \tCS: 'attached'
            \tPS: 'attached'
            \tSelected network: '3gpp'
            \tRadio interfaces: '1'
            \t\t[0]: 'lte'
            \tRoaming status: 'off'
            \tData service capabilities: '1'
            \t\t[0]: 'lte'
            \tCurrent PLMN:
            \t\tMCC: '311'
            \t\tMNC: '660'
            \t\tDescription: 'MetroPCS'
            \t3GPP cell ID: '21037313'
            \tLTE tracking area code: '12034'
            [/dev/cdc-wdm0] Client ID not released:
            \tService: 'nas'
            \t    CID: '4'
            """;

    @TempDir
    Path dir;

    private SessionRecord record() {
        return new SessionRecord(new StateStore(dir.resolve("cdc-wdm0.json")), SessionState.begin(
                new SessionState.Link("/dev/cdc-wdm0", "wwan0", "qmicli", false, "1.32.2", 0), null));
    }

    private static QmiClient qmi(ReplayingRunner runner) {
        return new QmiClient(runner, "/dev/cdc-wdm0", false, Duration.ofSeconds(5));
    }

    @Test
    void should_write_the_marker_before_the_query_and_record_the_id_it_printed() {
        SessionRecord rec = record();
        try (ReplayingRunner runner = new ReplayingRunner(List.of(Transcript.of(ARGV, 0, OUT, "")))) {
            QmiClient.Kept<ServingSystem> got = rec.allocateAsking("nas", () -> {
                assertEquals("nas", rec.store().read().orElseThrow().pending(), "marked before qmicli runs");
                return qmi(runner).servingSystemOnNewId();
            });
            assertEquals(4, got.cid());
            assertEquals("MetroPCS", got.answer().plmn().description());
        }
        SessionState saved = rec.store().read().orElseThrow();
        assertNull(saved.pending());
        assertEquals(java.util.Optional.of(4), saved.keptCid("nas"));
    }

    @Test
    void should_record_the_id_a_refused_query_left_and_keep_the_marker_when_killed() {
        SessionRecord rec = record();
        String refused = "[/dev/cdc-wdm0] Client ID not released:\n\tService: 'nas'\n\t    CID: '5'\n";
        try (ReplayingRunner runner = new ReplayingRunner(List.of(Transcript.of(ARGV, 1, refused,
                "error: couldn't get serving system: QMI protocol error (3): 'Internal'\n")))) {
            assertThrows(QmiConnException.class, () -> rec.allocateAsking("nas", qmi(runner)::servingSystemOnNewId));
        }
        assertNull(rec.store().read().orElseThrow().pending());
        assertEquals(java.util.Optional.of(5), rec.store().read().orElseThrow().keptCid("nas"));

        SessionRecord killed = record();
        try (ReplayingRunner runner = new ReplayingRunner(List.of(Transcript.of(ARGV, 143, "", "")))) {
            assertThrows(QmiConnException.class,
                    () -> killed.allocateAsking("nas", qmi(runner)::servingSystemOnNewId));
        }
        assertEquals("nas", killed.store().read().orElseThrow().pending(), "for the next sync to free");
    }
}
