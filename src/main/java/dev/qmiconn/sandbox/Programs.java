package dev.qmiconn.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.qmiconn.process.ProgramPath;

/** Finds the system programs the sandbox drives; /usr/sbin is not on every user's PATH, so look there too. */
final class Programs {

    /** What the sandbox needs on the host; qmicli and friends only matter to the command run inside. */
    static final List<String> REQUIRED = List.of("ip", "nsenter", "unshare", "mount", "umount", "socat", "dnsmasq",
            "sleep");

    private Programs() {
    }

    static Optional<Path> find(String name) {
        return ProgramPath.SYSTEM_DIRS.stream().map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /** The absolute path when found, else the bare name (the runner then reports it as missing, exit 127). */
    static String path(String name) {
        return find(name).map(Path::toString).orElse(name);
    }

    static List<String> missing() {
        return REQUIRED.stream().filter(p -> find(p).isEmpty()).toList();
    }
}
