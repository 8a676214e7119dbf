package dev.qmiconn.watch;

import java.time.Duration;
import java.util.function.BiConsumer;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * What the watch loop does after an {@code up} that failed: a permanent failure ends the loop, roaming turned on
 * between the check and the call waits one poll, anything else counts as a failure, escalates every
 * {@code --escalate-after} failures (radio off/on, then a USB re-enumeration when asked for) and backs off.
 */
final class FailedAttempt {

    private final WatchOptions options;
    private final Escalation escalation;
    private final StopSignal stop;

    FailedAttempt(WatchOptions options, Escalation escalation, StopSignal stop) {
        this.options = options;
        this.escalation = escalation;
        this.stop = stop;
    }

    /**
     * Handles the failure that followed {@code failures} earlier consecutive ones and returns the new count;
     * {@code change} logs each state it passes through, {@code counted} runs once a failure counts (before any
     * escalation).
     */
    int handle(QmiConnException e, int failures, LiveView live, BiConsumer<WatchState, String> change,
               Runnable counted) {
        if (Backoff.isPermanent(e.exitCode())) {
            throw e;
        }
        if (e.exitCode() == ExitCode.ROAMING_DENIED) { // turned roaming between the check and up: wait
            change.accept(WatchState.ROAMING, e.getMessage());
            stop.sleep(options.pollInterval());
            return failures;
        }
        int n = failures + 1;
        counted.run();
        if (n % options.escalateAfter() == 0) {
            change.accept(WatchState.ESCALATING, escalation.cycleRadio(live == null ? null : live.queries()));
        }
        if (options.usbResetAfter() != null && n % options.usbResetAfter() == 0) {
            change.accept(WatchState.ESCALATING, escalation.reenumerateUsb(stop));
        }
        Duration wait = options.backoff().after(n);
        change.accept(WatchState.BACKOFF, "attempt " + n + " failed (" + e.getMessage() + "); retry in "
                + wait.toSeconds() + " s");
        stop.sleep(wait);
        return n;
    }
}
