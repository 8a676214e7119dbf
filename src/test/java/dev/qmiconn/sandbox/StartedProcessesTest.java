package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartedProcessesTest {

    @TempDir
    Path dir;

    @Test
    void should_record_pid_with_its_start_time_and_know_it_again() {
        long me = ProcessHandle.current().pid();
        StartedProcesses recorded = new StartedProcesses(dir.resolve("processes"));

        recorded.add(me);

        List<StartedProcesses.Entry> entries = StartedProcesses.read(dir.resolve("processes"));
        assertEquals(1, entries.size());
        assertEquals(me, entries.get(0).pid());
        assertTrue(StartedProcesses.isSameProcess(entries.get(0)));
    }

    @Test
    void should_not_take_a_reused_pid_for_the_recorded_process() {
        long me = ProcessHandle.current().pid();
        long start = StartedProcesses.startTime(me).orElseThrow();

        assertFalse(StartedProcesses.isSameProcess(new StartedProcesses.Entry(me, start + 1)));
    }

    @Test
    void should_skip_malformed_lines() throws Exception {
        Files.writeString(dir.resolve("processes"), "12 34\ngarbage\n-1 5\n56 78 9\n");

        assertEquals(List.of(new StartedProcesses.Entry(12, 34)), StartedProcesses.read(dir.resolve("processes")));
    }
}
