package dev.qmiconn.watch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watch's current state and the detail of its last change, read by the service's request threads while the loop
 * changes it: a request ({@code up}, {@code down} through the socket) waits here for the state it asked for.
 */
final class StateCell {

    private WatchState state;
    private String detail = "";

    synchronized WatchState state() {
        return state;
    }

    synchronized String detail() {
        return detail;
    }

    synchronized void set(WatchState next, String why) {
        state = next;
        detail = why;
        notifyAll();
    }

    /** Waits until {@code done} holds for the state; false when {@code bound} passes first or interrupted. */
    synchronized boolean await(Predicate<WatchState> done, Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        while (!done.test(state)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
