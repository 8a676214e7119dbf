package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;

class BackoffTest {

    @Test
    void should_wait_5_10_20_40_then_60_seconds_for_ever() {
        List<Long> waits = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(n -> Backoff.STANDARD.after(n).toSeconds()).toList();
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L, 60L), waits);
    }

    @Test
    void should_scale_the_whole_schedule() {
        assertEquals(Duration.ofSeconds(1), Backoff.STANDARD.scaled(0.2).after(1));
        assertEquals(Duration.ofSeconds(12), Backoff.STANDARD.scaled(0.2).after(9));
    }

    @Test
    void should_not_retry_what_retrying_cannot_fix() {
        assertEquals(true, Backoff.isPermanent(ExitCode.BAD_INPUT));
        assertEquals(true, Backoff.isPermanent(ExitCode.LIBQMI_BROKEN));
        assertEquals(false, Backoff.isPermanent(ExitCode.CALL_FAILED));
        assertEquals(false, Backoff.isPermanent(ExitCode.DEVICE_MISSING));
        assertEquals(false, Backoff.isPermanent(ExitCode.NO_SERVICE));
    }
}
