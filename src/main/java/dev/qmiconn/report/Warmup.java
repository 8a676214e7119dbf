package dev.qmiconn.report;

/**
 * Work a command needs only at its end (building Jackson's mappers and serializers: ~0.1-0.2 s of class loading
 * on a small board) started on a daemon thread at its beginning, while it waits for qmicli and the modem, which
 * leaves the CPU idle. The command later uses the same classes; the JVM's class initialisation lock makes it wait
 * for a warm-up still under way rather than do the work twice. A warm-up that fails changes nothing: the
 * command does the same work itself and reports what goes wrong.
 */
public final class Warmup {

    private Warmup() {
    }

    /** Runs {@code work} on a daemon thread named {@code warmup-NAME}. */
    public static void start(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the command meets the same failure itself, on its own thread, with its own message
            }
        }, "warmup-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Initialises {@code className} (its static mappers) on the warm-up thread. */
    public static void load(String className) {
        try {
            Class.forName(className, true, Warmup.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
