package dev.qmiconn.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a bare program name such as {@code qmicli} resolves on a PATH, the way exec would look it up: the first
 * directory holding an executable regular file of that name; an empty entry is the working directory.
 */
public final class ProgramPath {

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
