package dev.qmiconn.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Diagnostics only (stderr, via logback.xml); user-facing output never goes through the logger. */
public final class Logging {

    private Logging() {
    }

    public static void setVerbose(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    }
}
