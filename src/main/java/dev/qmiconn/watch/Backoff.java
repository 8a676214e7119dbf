package dev.qmiconn.watch;

import java.time.Duration;
import java.util.List;

import dev.qmiconn.error.ExitCode;

/**
 * Reconnect delays after consecutive failures: 5, 10, 20, 40, then 60 s for every further one (quectel-CM's
 * schedule; fast enough after a short drop, gentle on a modem that keeps refusing).
 */
public record Backoff(List<Duration> steps) {

    public static final Backoff STANDARD = new Backoff(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60)));

    public Backoff {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("backoff needs at least one step");
        }
        steps = List.copyOf(steps);
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} consecutive failures (>= 1). */
    public Duration after(int failures) {
        int i = Math.max(0, Math.min(failures - 1, steps.size() - 1));
        return steps.get(i);
    }

    /** Every delay scaled by {@code factor} (tests run the same schedule faster). */
    public Backoff scaled(double factor) {
        return new Backoff(steps.stream().map(d -> Duration.ofMillis(Math.round(d.toMillis() * factor))).toList());
    }

    /** Wrong input, a missing program or a broken libqmi do not get better by retrying. */
    static boolean isPermanent(ExitCode code) {
        return code == ExitCode.BAD_INPUT || code == ExitCode.TOOL_MISSING || code == ExitCode.LIBQMI_BROKEN
                || code == ExitCode.USAGE;
    }
}
