package dev.qmiconn.testing;

import java.time.Duration;
import java.util.function.Predicate;

import dev.qmiconn.process.BackgroundProcess;

/** Waiting on what a background {@code qmi-conn watch} logs, for the sandbox tests that run one. */
public final class WatchLog {

    private WatchLog() {
    }

    /**
     * Returns once {@code done} holds for watch's stdout so far; fails with everything watch said when it ends
     * first or {@code patience} runs out.
     */
    public static void await(BackgroundProcess watch, Duration patience, Predicate<String> done) {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            if (done.test(watch.stdout())) {
                return;
            }
            if (!watch.isAlive()) {
                throw new AssertionError("watch ended early:\n" + watch.stdout() + watch.stderr());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("timed out; watch said:\n" + watch.stdout() + watch.stderr());
    }
}
