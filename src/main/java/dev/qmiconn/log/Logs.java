package dev.qmiconn.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The program's SLF4J loggers, which start Logback only when they have something to write. Logback's start (its
 * context, the configurator, the pattern's converters) cost a {@code status} 200 classes and ~40 ms before it
 * could even ask the modem, on every run, although a run without {@code -v} writes no log line unless something
 * goes wrong. So: below the threshold ({@code WARN}, or {@code DEBUG} after {@code -v}) a logger answers "not
 * enabled" on its own; a warning or an error (or anything with {@code -v}) starts Logback as before and goes
 * through it unchanged (same appender, pattern and stderr). Levels are set only here ({@link #verbose}), never on
 * Logback's loggers directly.
 */
public final class Logs {

    private static volatile Level threshold = Level.WARN;
    private static volatile boolean started;

    private Logs() {
    }

    /** A logger named after {@code owner}; makes no Logback object until it writes. */
    public static Logger of(Class<?> owner) {
        return new LazyLogger(owner.getName());
    }

    /**
     * {@code -v} (DEBUG for every logger) or not (WARN). True when Logback's root level must follow: with
     * {@code -v}, or when Logback has started already; then {@link #root} gives it. A plain run leaves it unstarted.
     */
    public static boolean verbose(boolean on) {
        threshold = on ? Level.DEBUG : Level.WARN;
        return on || started;
    }

    /** Logback's root logger (starts Logback): only for setting its level to the threshold's. */
    public static Logger root() {
        return backend(Logger.ROOT_LOGGER_NAME);
    }

    /** Whether a level is written at all; below the threshold Logback is not asked (nor started). */
    static boolean passes(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    /** Logback's logger called {@code name}: the first call starts Logback (LogConfigurator). */
    static Logger backend(String name) {
        Logger l = LoggerFactory.getLogger(name);
        started = true;
        return l;
    }
}
