package dev.qmiconn.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayingRunnerTest {

    private static Transcript ids() {
        return Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--dms-get-ids"), 0,
                "[/dev/cdc-wdm0] Device IDs retrieved:\n\t ESN: '0'\n", "");
    }

    @Test
    void should_return_the_recorded_result_when_argv_matches() {
        try (ReplayingRunner r = new ReplayingRunner(List.of(ids()))) {
            CommandResult got = r.run(CommandSpec.of("qmicli", "-d", "/dev/cdc-wdm0", "--dms-get-ids"));
            assertTrue(got.stdout().contains("Device IDs retrieved"));
        }
    }

    @Test
    void should_fail_with_a_readable_diff_when_argv_differs() {
        ReplayingRunner r = new ReplayingRunner(List.of(ids()));
        AssertionError e = assertThrows(AssertionError.class,
                () -> r.run(CommandSpec.of("qmicli", "-d", "/dev/cdc-wdm1", "--dms-get-ids")));
        assertTrue(e.getMessage().contains("expected: qmicli -d /dev/cdc-wdm0 --dms-get-ids"), e.getMessage());
        assertTrue(e.getMessage().contains("argument 2: expected '/dev/cdc-wdm0' but was '/dev/cdc-wdm1'"),
                e.getMessage());
    }

    @Test
    void should_fail_when_more_calls_are_made_than_recorded() {
        ReplayingRunner r = new ReplayingRunner(List.of());
        AssertionError e = assertThrows(AssertionError.class, () -> r.run(CommandSpec.of("ip", "link")));
        assertTrue(e.getMessage().contains("no more were recorded"));
    }

    @Test
    void should_fail_when_recorded_calls_are_left_unconsumed() {
        ReplayingRunner r = new ReplayingRunner(List.of(ids()));
        AssertionError e = assertThrows(AssertionError.class, r::close);
        assertTrue(e.getMessage().contains("1 recorded call(s) never made"));
        assertTrue(e.getMessage().contains("--dms-get-ids"));
    }

    @Test
    void should_record_transcripts_that_replay_identically(@TempDir Path dir) throws Exception {
        RecordingRunner rec = new RecordingRunner(new ExecRunner(), dir);
        rec.run(CommandSpec.of("printf", "one"));
        rec.run(CommandSpec.of("sh", "-c", "echo two >&2; exit 4"));
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertEquals(List.of("001-printf.json", "002-sh.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        try (ReplayingRunner replay = new ReplayingRunner(Transcript.readDirectory(dir))) {
            assertEquals("one", replay.run(CommandSpec.of("printf", "one")).stdout());
            CommandResult second = replay.run(CommandSpec.of("sh", "-c", "echo two >&2; exit 4"));
            assertEquals(4, second.exitCode());
            assertEquals("two\n", second.stderr());
        }
    }
}
