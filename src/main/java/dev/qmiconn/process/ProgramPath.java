package dev.qmiconn.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a bare program name such as {@code qmicli} resolves on a PATH, the way exec would look it up: the first
 * directory holding an executable regular file of that name; an empty entry is the working directory.
 */
public final class ProgramPath {

    /** Debian's system program directories, in root's PATH order (where qmicli, ip, udhcpc, dnsmasq live). */
    public static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    /** {@link #SYSTEM_DIRS} as a PATH value. */
    public static final String SYSTEM_PATH = String.join(File.pathSeparator, SYSTEM_DIRS);

    private ProgramPath() {
    }

    /** {@code path} is a PATH value ({@code /usr/local/bin:/usr/bin:/bin}); null finds nothing. */
    public static Optional<Path> find(String path, String program) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
