package dev.qmiconn.watch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How watch waits between polls and learns it must stop (SIGTERM via a shutdown hook, or a test). A wait
 * ends early when stop is requested, so teardown starts at once.
 */
public class StopSignal {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    public void request() {
        stop.countDown();
    }

    public boolean requested() {
        return stop.getCount() == 0;
    }

    /** Sleeps {@code d}; returns early (true) when stop was requested. */
    public boolean sleep(Duration d) {
        try {
            return stop.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Called by the loop once it has torn down. */
    public void markFinished() {
        finished.countDown();
    }

    /** For the shutdown hook: waits for the loop's teardown, bounded. */
    public boolean awaitFinished(Duration bound) {
        try {
            return finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
