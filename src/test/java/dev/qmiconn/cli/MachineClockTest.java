package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

/** The production clock: the system clock in the machine's zone, as Clock.systemDefaultZone() was. */
class MachineClockTest {

    @Test
    void should_tell_the_time_of_the_system_clock() {
        Clock clock = AppContext.production().clock();
        Instant before = Instant.now();
        Instant read = clock.instant();
        assertTrue(!read.isBefore(before) && Duration.between(before, read).toSeconds() < 5, read.toString());
        assertTrue(Math.abs(clock.millis() - System.currentTimeMillis()) < 5000);
    }

    @Test
    void should_be_in_the_zone_the_machine_has_when_asked() {
        TimeZone saved = TimeZone.getDefault();
        try {
            Clock clock = AppContext.production().clock();
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham")); // set after the clock was made
            assertEquals(ZoneId.of("Pacific/Chatham"), clock.getZone());
            assertEquals(Clock.systemDefaultZone().getZone(), clock.getZone());
            assertEquals(ZoneOffset.UTC, clock.withZone(ZoneOffset.UTC).getZone());
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
