package dev.qmiconn.process;

import java.time.Duration;
import java.util.List;

/** A program started by {@link CommandRunner#start}; stopped only through this handle. */
public interface BackgroundProcess extends AutoCloseable {

    List<String> argv();

    long pid();

    boolean isAlive();

    /** Output captured so far. */
    String stdout();

    String stderr();

    /** Waits for the program to end by itself; returns its exit code, or empty on timeout. */
    java.util.OptionalInt waitFor(Duration timeout);

    /** SIGTERM, then SIGKILL after the grace period. Idempotent. */
    void stop(Duration grace);

    @Override
    default void close() {
        stop(Duration.ofSeconds(3));
    }
}
