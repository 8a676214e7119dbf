package dev.qmiconn.at;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandRunner;

/**
 * Finds the AT port: the E397u-53 in modem mode (12d1:1506) registers three ttyUSB ports; only the first
 * answers AT (the guide: "the first is for 2-way communication, the second is for errors, and the third is for
 * GPS"), but numbering shifts when other serial adapters are plugged in. Each candidate gets a short {@code AT}.
 */
public final class PortFinder {

    private static final Logger LOG = Logs.of(PortFinder.class);
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    private PortFinder() {
    }

    /** {@code root}/dev/ttyUSB*, in numeric order. */
    public static List<Path> candidates(Path root) {
        Path dev = root.resolve("dev");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dev)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dev, "ttyUSB*")) {
                ds.forEach(found::add);
            } catch (IOException e) {
                throw new QmiConnException(ExitCode.DEVICE_MISSING, "cannot list " + dev + ": " + e.getMessage());
            }
        }
        found.removeIf(p -> !p.getFileName().toString().matches("ttyUSB[0-9]+"));
        found.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(6))));
        return found;
    }

    /** An open session on the first candidate that answers {@code AT} with OK. */
    public static AtSession find(CommandRunner runner, Path root) {
        List<Path> candidates = candidates(root);
        List<String> tried = new ArrayList<>();
        for (Path port : candidates) {
            AtSession session = null;
            try {
                session = SerialPort.open(runner, port);
                if (session.send("AT", PROBE_TIMEOUT).ok()) {
                    LOG.debug("AT port found: {}", port);
                    return session;
                }
                tried.add(port.getFileName() + " (no OK)");
            } catch (QmiConnException e) {
                LOG.debug("{} is not the AT port: {}", port, e.getMessage());
                tried.add(port.getFileName() + " (silent)");
            }
            if (session != null) {
                session.close();
            }
        }
        throw new QmiConnException(ExitCode.DEVICE_MISSING, candidates.isEmpty()
                ? "no ttyUSB port under " + root.resolve("dev") + " (is the modem plugged in and in modem mode?)"
                : "no ttyUSB port under " + root.resolve("dev") + " answered AT: tried " + String.join(", ", tried));
    }
}
