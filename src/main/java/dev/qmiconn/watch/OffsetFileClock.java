package dev.qmiconn.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A clock that runs {@code base} shifted by the ISO-8601 duration written in a file (e.g. {@code P31D}), read
 * on every tick. Behind the hidden {@code --clock-offset-file} option so the real-tool tests can move a running
 * watch into the next billing period without waiting a month.
 */
public final class OffsetFileClock extends Clock {

    private final Clock base;
    private final Path file;

    public OffsetFileClock(Clock base, Path file) {
        this.base = base;
        this.file = file;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OffsetFileClock(base.withZone(zone), file);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset());
    }

    private Duration offset() {
        try {
            return Files.exists(file) ? Duration.parse(Files.readString(file).strip()) : Duration.ZERO;
        } catch (IOException | DateTimeParseException e) {
            return Duration.ZERO;
        }
    }
}
