package dev.qmiconn.connect;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an undo once if the JVM exits (SIGTERM from systemd's start timeout, Ctrl-C) while {@code up} holds a
 * started session that is not yet complete, so a killed {@code up} does not leave the modem's client id
 * allocated. Exactly one of "the hook undoes" and "the caller disarms" wins.
 */
final class UndoOnExit implements AutoCloseable {

    private final AtomicBoolean armed = new AtomicBoolean(true);
    private final Thread hook;

    private UndoOnExit(Runnable undo) {
        this.hook = new Thread(() -> {
            if (armed.compareAndSet(true, false)) {
                undo.run();
            }
        }, "qmi-conn-undo-on-exit");
    }

    static UndoOnExit arm(Runnable undo) {
        UndoOnExit u = new UndoOnExit(undo);
        try {
            Runtime.getRuntime().addShutdownHook(u.hook);
        } catch (IllegalStateException shuttingDown) {
            // a service already stopping (SIGTERM during a reconnect): no hook can be added, and none is needed,
            // since the caller still owns the outcome and undoes a failure itself
        }
        return u;
    }

    /** True when the caller now owns the outcome (the hook has not run and never will). */
    boolean disarm() {
        boolean was = armed.compareAndSet(true, false);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook decides via `armed`
        }
        return was;
    }

    /** For tests: what the hook would do at exit. */
    void runHookNow() {
        hook.run();
    }

    @Override
    public void close() {
        disarm();
    }
}
