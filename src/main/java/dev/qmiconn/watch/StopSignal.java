package dev.qmiconn.watch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How watch waits between polls and learns it must stop (SIGTERM via a shutdown hook, or a test). A wait
 * ends early when stop is requested, so teardown starts at once.
 */
public class StopSignal {

    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean stop;
    private boolean woken;

    public synchronized void request() {
        stop = true;
        notifyAll();
    }

    public synchronized boolean requested() {
        return stop;
    }

    /** Ends the current {@link #sleep} early without stopping: a request (up, down) wants the loop now. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Sleeps {@code d}; returns early (true) when stop was requested, early (false) when woken. */
    public synchronized boolean sleep(Duration d) {
        long end = System.nanoTime() + Math.max(0, d.toNanos());
        try {
            while (!stop && !woken) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        woken = false;
        return stop;
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
