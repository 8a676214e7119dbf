package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import dev.qmiconn.config.AtomicFiles;

/**
 * The file in a sandbox's work directory that lists every long-running process the sandbox started, one
 * {@code PID STARTTIME} line each (start time in clock ticks since boot, field 22 of {@code /proc/PID/stat}).
 * A run killed with SIGKILL leaves it behind; the sweeper stops exactly these, and only while the start time still
 * matches: a PID alone may by then belong to a stranger.
 */
final class StartedProcesses {

    record Entry(long pid, long startTime) {
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    StartedProcesses(Path file) {
        this.file = file;
    }

    /** Records {@code pid} (rewriting the whole file atomically); a process already gone is not recorded. */
    synchronized void add(long pid) {
        OptionalLong start = startTime(pid);
        if (start.isEmpty()) {
            return;
        }
        entries.add(new Entry(pid, start.getAsLong()));
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.pid()).append(' ').append(e.startTime()).append('\n'));
        AtomicFiles.write(file, text.toString());
    }

    /** The entries of a file; unreadable or malformed lines are skipped. */
    static List<Entry> read(Path file) {
        List<Entry> result = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return result;
        }
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            if (f.length == 2 && f[0].matches("\\d{1,10}") && f[1].matches("\\d{1,19}")) {
                result.add(new Entry(Long.parseLong(f[0]), Long.parseLong(f[1])));
            }
        }
        return result;
    }

    /** Whether {@code e} still names the very process that was recorded (not a later one with its PID). */
    static boolean isSameProcess(Entry e) {
        OptionalLong now = startTime(e.pid());
        return now.isPresent() && now.getAsLong() == e.startTime();
    }

    /** Field 22 of /proc/PID/stat; the fields are counted after the command name, which may hold spaces. */
    static OptionalLong startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(after[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
