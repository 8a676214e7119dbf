package dev.qmiconn.cli;

import dev.qmiconn.log.Logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Diagnostics only (stderr, via LogConfigurator); user-facing output never goes through the logger. Loggers come
 * from {@link Logs}: Logback starts only when something is written, so a plain run pays nothing for it.
 */
public final class Logging {

    private Logging() {
    }

    public static void setVerbose(boolean verbose) {
        if (Logs.verbose(verbose)) {
            ((Logger) Logs.root()).setLevel(verbose ? Level.DEBUG : Level.WARN);
        }
    }
}
