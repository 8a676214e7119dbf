package dev.qmiconn.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temp files {@link AtomicFiles} leaves when its process is killed between creating one and renaming it
 * (kill -9, power loss): {@code .resolv.conf.head.<pid>-<random>.tmp} next to the target. Only ours are touched:
 * the name must be the target's, and the pid in it must be gone, so a concurrent writer of the same file (two
 * modems sharing one resolv.conf.head) keeps its temp file. Names from before the pid was part of them
 * ({@code .<target>.<random>.tmp}) go once they are older than {@link #LEGACY_AGE}.
 */
final class StaleTempFiles {

    static final String SUFFIX = ".tmp";
    static final Duration LEGACY_AGE = Duration.ofMinutes(1);
    private static final Pattern MIDDLE = Pattern.compile("(?:(\\d+)-)?\\d+");

    private StaleTempFiles() {
    }

    /** {@code .<name>.<pid>-}: createTempFile appends its random digits and {@link #SUFFIX}. */
    static String prefix(Path file) {
        return "." + file.getFileName() + "." + ProcessHandle.current().pid() + "-";
    }

    /** Best effort: a temp file that cannot be listed or removed is no reason to fail the write. */
    static void removeFor(Path file) {
        String head = "." + file.getFileName() + ".";
        Path dir = file.toAbsolutePath().getParent();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, head + "*" + SUFFIX)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                String middle = name.substring(head.length(), name.length() - SUFFIX.length());
                if (isStale(p, middle)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // e.g. a directory we may write into but not list; the write itself goes on
        }
    }

    private static boolean isStale(Path p, String middle) throws IOException {
        Matcher m = MIDDLE.matcher(middle);
        if (!m.matches() || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (m.group(1) != null) {
            long pid = Long.parseLong(m.group(1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
        FileTime modified = Files.getLastModifiedTime(p);
        return modified.toInstant().isBefore(Instant.now().minus(LEGACY_AGE));
    }
}
