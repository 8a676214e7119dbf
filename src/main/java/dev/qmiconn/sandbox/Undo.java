package dev.qmiconn.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Sandbox} and {@link PluggedInModem} share about cleaning up: a build that fails is undone at once
 * (nothing half-built stays behind), and an undo runs every step even when one fails, then names the first
 * failure with the rest suppressed. Also takes the owner's shutdown hook away once the undo has run.
 */
final class Undo {

    /** A building step that may fail with I/O. */
    interface Build {
        void run() throws IOException;
    }

    private final List<RuntimeException> failures = new ArrayList<>();

    /** Runs {@code build}; on failure runs {@code undo} and throws a SandboxException saying {@code what} failed. */
    static void buildOrUndo(Build build, Runnable undo, String what) {
        try {
            build.run();
        } catch (RuntimeException | IOException e) {
            try {
                undo.run();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof SandboxException s) {
                throw s;
            }
            throw new SandboxException(what + ": " + e.getMessage(), e);
        }
    }

    /** Runs one step of the undo; a failure is kept for {@link #finish} and the next step still runs. */
    void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    void failed(RuntimeException e) {
        failures.add(e);
    }

    /** Removes {@code hook} (unless it is what runs now) and throws if any step failed. */
    void finish(Thread hook, String what) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down (we may be the hook) or the hook was never added
        }
        if (!failures.isEmpty()) {
            SandboxException e = new SandboxException(what + ": " + failures.get(0).getMessage());
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }
}
