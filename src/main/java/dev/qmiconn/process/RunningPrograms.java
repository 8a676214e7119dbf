package dev.qmiconn.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Programs running on the system under {@code root} (/ live; a fixture tree in tests), read from
 * {@code /proc/PID/comm} without running ps. /proc also lists the processes of containers on the machine, whose
 * ModemManager or NetworkManager is not this system's: a process whose {@code /proc/PID/root} is another file
 * system root is skipped. Fixture trees have no {@code root} link, so their processes count.
 */
public final class RunningPrograms {

    private RunningPrograms() {
    }

    /** PIDs of the processes named {@code comm}, lowest first. */
    public static List<Integer> named(Path root, String comm) {
        Path proc = root.resolve("proc");
        List<Integer> out = new ArrayList<>();
        if (!Files.isDirectory(proc)) {
            return out;
        }
        try (Stream<Path> s = Files.list(proc)) {
            s.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("comm")).equals(comm))
                    .filter(p -> sharesRoot(p, root))
                    .forEach(p -> out.add(Integer.parseInt(p.getFileName().toString())));
        } catch (IOException | RuntimeException e) {
            return out;
        }
        out.sort(Integer::compare);
        return out;
    }

    /** The files under /dev a process holds open (its fd links), e.g. /dev/cdc-wdm0; needs root for others'. */
    public static List<String> openFiles(Path root, int pid, String prefix) {
        Path fds = root.resolve("proc/" + pid + "/fd");
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(fds)) {
            return out;
        }
        try (Stream<Path> s = Files.list(fds)) {
            s.forEach(fd -> {
                try {
                    String t = Files.readSymbolicLink(fd).toString();
                    if (t.startsWith(prefix) && !out.contains(t)) {
                        out.add(t);
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static boolean sharesRoot(Path procEntry, Path root) {
        Path theirs = procEntry.resolve("root");
        if (!Files.exists(theirs)) {
            return true;
        }
        try {
            return Files.isSameFile(theirs, root);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
