package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.qmi.QmiClient;

/** A closed record (SIGTERM's undo began) allocates nothing more; a killed allocation keeps its marker. */
class SessionRecordCloseTest {

    @TempDir
    Path dir;

    private SessionRecord record() {
        return new SessionRecord(new StateStore(dir.resolve("cdc-wdm0.json")), SessionState.begin(
                new SessionState.Link("/dev/cdc-wdm0", "wwan0", "qmicli", false, "1.32.2", 0), null));
    }

    @Test
    void should_refuse_an_allocation_once_closed_without_asking_the_modem() {
        SessionRecord rec = record();
        rec.close();
        try (ReplayingRunner nothing = new ReplayingRunner(List.of())) {
            QmiClient qmi = new QmiClient(nothing, "/dev/cdc-wdm0", false, Duration.ofSeconds(5));
            assertThrows(QmiConnException.class, () -> rec.allocate(qmi, "nas"));
        }
        assertFalse(Files.exists(dir.resolve("cdc-wdm0.json")), "not even the pending marker was written");
    }

    @Test
    void should_keep_the_pending_marker_when_qmicli_was_killed_by_a_signal() {
        SessionRecord rec = record();
        List<String> argv = List.of("qmicli", "-d", "/dev/cdc-wdm0", "--nas-noop", "--client-no-release-cid");
        try (ReplayingRunner killed = new ReplayingRunner(List.of(Transcript.of(argv, 143, "", "")))) {
            QmiClient qmi = new QmiClient(killed, "/dev/cdc-wdm0", false, Duration.ofSeconds(5));
            assertThrows(QmiConnException.class, () -> rec.allocate(qmi, "nas"));
        }
        assertEquals("nas", rec.state().pending(), "the id qmicli may have got is for the next sync to free");
        assertEquals("nas", rec.store().read().orElseThrow().pending());
    }
}
