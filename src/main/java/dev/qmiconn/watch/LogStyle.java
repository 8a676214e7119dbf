package dev.qmiconn.watch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How watch writes its one line per state change. Under journald (systemd sets JOURNAL_STREAM) a line starts
 * with its syslog priority, {@code <4>} for a warning, and carries no timestamp of its own: the journal stamps
 * it and {@code journalctl -p warning} can filter it (sd-daemon(3) prefixes). Elsewhere: an ISO timestamp.
 */
public enum LogStyle {
    PLAIN, JOURNAL;

    /**
     * JOURNAL when standard output is the journal stream systemd named in JOURNAL_STREAM ("DEV:INODE" of the
     * socket); compared with fd 1 so a shell started from a unit that redirects output is not mistaken for it.
     */
    public static LogStyle detect(java.util.Map<String, String> env) {
        String stream = env.get("JOURNAL_STREAM");
        if (stream == null || !stream.matches("\\d+:\\d+")) {
            return PLAIN;
        }
        try {
            java.nio.file.Path fd1 = java.nio.file.Path.of("/proc/self/fd/1");
            Object ino = java.nio.file.Files.getAttribute(fd1, "unix:ino");
            Object dev = java.nio.file.Files.getAttribute(fd1, "unix:dev");
            return stream.equals(dev + ":" + ino) ? JOURNAL : PLAIN;
        } catch (java.io.IOException | RuntimeException e) {
            return PLAIN;
        }
    }

    /** {@code priority}: syslog level, 3 error, 4 warning, 6 info. */
    public String line(int priority, Instant now, String text) {
        return this == JOURNAL ? "<" + priority + ">" + text
                : now.truncatedTo(ChronoUnit.SECONDS) + " " + text;
    }
}
