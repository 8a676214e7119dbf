package dev.qmiconn.process;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Work started on a daemon thread while the caller waits on something else (mostly the modem: a qmicli run is
 * ~40 ms of waiting per QMI round trip), and its answer taken later as if it had run in line: its own failure
 * rethrown as it was thrown. A daemon thread, so a command that ends first never waits for it.
 */
public final class Ahead {

    private Ahead() {
    }

    /** Starts {@code task} on a daemon thread called {@code name}; returns it. */
    public static <T extends Runnable> T start(String name, T task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /**
     * The answer of {@code work}, or the exception or error it ended with; interrupted meanwhile: exit FAILURE,
     * "interrupted while {@code waitingFor}".
     */
    public static <T> T get(Future<T> work, String waitingFor) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmiConnException(ExitCode.FAILURE, "interrupted while " + waitingFor);
        }
    }
}
