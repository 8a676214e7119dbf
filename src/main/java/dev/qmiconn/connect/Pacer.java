package dev.qmiconn.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time for the waiting steps (device node, registration, signal): a clock to read and a way to sleep. Tests
 * replace both with a fake that advances on sleep, so a replayed flow waits no real time.
 */
public interface Pacer {

    Instant now();

    void sleep(Duration d);

    static Pacer real(Clock clock) {
        return new Pacer() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration d) {
                try {
                    Thread.sleep(Math.max(0, d.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
    }

    /** A deadline on this pacer's clock. */
    default Deadline deadline(Duration budget) {
        return new Deadline(this, now().plus(budget), budget);
    }

    /** The end of a bounded wait. */
    record Deadline(Pacer pacer, Instant at, Duration budget) {
        public boolean passed() {
            return !pacer.now().isBefore(at);
        }

        public Duration remaining() {
            Duration d = Duration.between(pacer.now(), at);
            return d.isNegative() ? Duration.ZERO : d;
        }

        /** Sleeps {@code d} or until the deadline, whichever comes first. */
        public void sleep(Duration d) {
            Duration r = remaining();
            pacer.sleep(d.compareTo(r) < 0 ? d : r);
        }
    }
}
