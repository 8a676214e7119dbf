package dev.qmiconn.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import dev.qmiconn.process.ProgramPath;

/**
 * The machine doctor looks at, as files under a root prefix ({@code --root DIR}, default {@code /}), so the
 * same checks run on a live system and on the fixture trees in {@code test-fixtures/sysfs/}. Paths passed in are
 * absolute paths as the system sees them ({@code /sys/class/usbmisc}); nothing here writes or runs anything.
 * Unreadable files (permissions, races with unplugging) read as absent.
 */
public final class SystemRoot {

    /** Where ifupdown, the shell and qmi-network look for programs (Debian's default root PATH). */
    private final Path root;

    public SystemRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code /sys/class/net} under the root. */
    public Path path(String absolute) {
        String relative = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    /** The file's content without the trailing newline sysfs adds, or empty when absent or unreadable. */
    public Optional<String> read(String absolute) {
        try {
            return Optional.of(Files.readString(path(absolute), StandardCharsets.UTF_8).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Entry names of a directory, sorted; empty when it does not exist. Symlinked directories are followed. */
    public List<String> list(String absoluteDir) {
        Path dir = path(absoluteDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The last path element a symlink points to: sysfs says which driver is bound by linking
     * {@code .../driver -> ../../../bus/usb/drivers/qmi_wwan}. Empty when it is no symlink.
     */
    public Optional<String> linkName(String absoluteLink) {
        Path link = path(absoluteLink);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(link);
            Path name = target.getFileName();
            return name == null ? Optional.empty() : Optional.of(name.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where a symlink points, as written (absolute targets like {@code /dev/cdc-wdm0} stay as they are). */
    public Optional<String> linkTarget(String absoluteLink) {
        try {
            return Optional.of(Files.readSymbolicLink(path(absoluteLink)).toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The directory a sysfs path really is, as an absolute system path ({@code /sys/devices/.../1-1.3:1.1}), after
     * following its symlinks inside the root. Empty when it does not resolve.
     */
    public Optional<String> realPath(String absolute) {
        try {
            Path real = path(absolute).toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Optional.empty();
            }
            return Optional.of("/" + realRoot.relativize(real).toString().replace('\\', '/'));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first executable named {@code program} in {@link ProgramPath#SYSTEM_DIRS}, as a system path. */
    public Optional<String> findProgram(String program) {
        for (String dir : ProgramPath.SYSTEM_DIRS) {
            String candidate = dir + "/" + program;
            Path p = path(candidate);
            // Debian's udhcpc is a symlink to /bin/busybox: follow links, but a directory is no program.
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether a path is a symlink (without following it). */
    public boolean isSymlink(String absolute) {
        return Files.isSymbolicLink(path(absolute));
    }

    public boolean isDirectory(String absolute) {
        return Files.isDirectory(path(absolute));
    }

    /** Names under a directory matching a prefix, e.g. {@code cdc-wdm} under {@code /dev}. */
    public List<String> listStartingWith(String absoluteDir, String prefix) {
        List<String> out = new ArrayList<>();
        for (String name : list(absoluteDir)) {
            if (name.startsWith(prefix)) {
                out.add(name);
            }
        }
        return out;
    }
}
