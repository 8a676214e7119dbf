package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.qmi.LibqmiTools;
import dev.qmiconn.qmi.LibqmiVersion;

/**
 * {@code STATE_DIR/libqmi-version}: the {@code qmicli --version} answer, keyed by the qmicli binary's path, size
 * and modification time, so an upgrade (or the 1.16.0 rollback the Metro PCS guide did) is noticed and a
 * plain {@code up} saves one qmicli run. Without PATH (tests) there is no cache.
 */
public final class VersionCache {

    private final Path file;
    private final Optional<Path> qmicli;

    public VersionCache(Path stateDir, Map<String, String> environment) {
        this.file = stateDir.resolve("libqmi-version");
        this.qmicli = find(LibqmiTools.fromEnvironment(environment));
    }

    public Optional<LibqmiVersion> get() {
        if (qmicli.isEmpty() || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).strip().split(" ");
            if (parts.length == 2 && parts[0].equals(key())) {
                return Optional.of(LibqmiVersion.parseBare(parts[1]));
            }
        } catch (IOException | RuntimeException e) {
            // a damaged cache is just a miss
        }
        return Optional.empty();
    }

    public void put(LibqmiVersion version) {
        if (qmicli.isPresent() && get().filter(version::equals).isEmpty()) {
            try {
                AtomicFiles.write(file, key() + " " + version.text() + "\n");
            } catch (RuntimeException e) {
                // read-only state dir: no cache, no harm
            }
        }
    }

    private String key() {
        try {
            Path p = qmicli.orElseThrow();
            return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Optional<Path> find(LibqmiTools tools) {
        // the real file: a symlink swapped to another libqmi must change the key
        return tools.qmicli().map(p -> {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                return p;
            }
        });
    }
}
