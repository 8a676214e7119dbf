package dev.qmiconn.watch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.qmiconn.error.ExitCode;

/**
 * Watch's state as the service's request threads see it, and what they ask of the loop: {@code down} holds the
 * link down until {@code up}. A request wakes the loop and waits (bounded) for the state it asked for.
 */
public final class LinkControl {

    private final StopSignal stop;
    private volatile boolean wantUp = true;
    private WatchState state;
    private String detail = "";
    private ExitCode failure;

    LinkControl(StopSignal stop) {
        this.stop = stop;
    }

    public synchronized WatchState state() {
        return state;
    }

    public synchronized String detail() {
        return detail;
    }

    /** Why the last connect attempt failed, as a one-shot {@code up} would exit; null before any failure. */
    public synchronized ExitCode lastFailure() {
        return failure;
    }

    /** The link goes down and stays down until {@link #up}; returns once it is down (false: not within bound). */
    public boolean down(Duration bound) {
        wantUp = false;
        stop.wake();
        return await(s -> s == WatchState.HELD_DOWN, bound);
    }

    /** The link comes up again; returns once connected, or once an attempt failed or a hold (cap, roaming) holds. */
    public boolean up(Duration bound) {
        boolean wasDown = !wantUp || state() != WatchState.CONNECTED;
        wantUp = true;
        stop.wake();
        return !wasDown || await(s -> s == WatchState.CONNECTED || s == WatchState.BACKOFF
                || s == WatchState.CAPPED || s == WatchState.ROAMING, bound);
    }

    boolean wantsUp() {
        return wantUp;
    }

    synchronized void failed(ExitCode code) {
        failure = code;
    }

    synchronized void set(WatchState next, String why) {
        state = next;
        detail = why;
        notifyAll();
    }

    private synchronized boolean await(Predicate<WatchState> done, Duration bound) {
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
