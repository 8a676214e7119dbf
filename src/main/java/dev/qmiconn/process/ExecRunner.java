package dev.qmiconn.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;

import dev.qmiconn.log.Logs;

/**
 * The production {@link CommandRunner}, on Apache Commons Exec. The only class that imports it.
 * Arguments are passed as they are: no quoting, no variable substitution, no shell.
 */
public final class ExecRunner implements CommandRunner {

    private static final Logger LOG = Logs.of(ExecRunner.class);
    /**
     * util-linux setpriv (2.33+, every Debian since buster): a synchronous child gets SIGTERM when the thread
     * that started it dies, so a kill -9 of qmi-conn never leaves a qmicli finishing a start-network behind its
     * back (qmicli then cancels; the client id it used is already in the record).
     */
    private static final String SETPRIV = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/setpriv"))
            ? "/usr/bin/setpriv" : null;

    private final java.util.Set<ExecuteWatchdog> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set by {@link #cancelOthers}: the one thread still allowed to run programs. */
    private Thread reservedFor;

    @Override
    public CommandResult run(CommandSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(spec.timeout()).get();
        CompletableFuture<Process> launched = new CompletableFuture<>();
        DefaultExecutor executor = new DefaultExecutor() {
            @Override
            protected Process launch(CommandLine command, Map<String, String> env, File dir) throws IOException {
                Process p = super.launch(command, env, dir);
                launched.complete(p);
                return p;
            }
        };
        executor.setExitValues(null); // every exit code is a result, not an exception
        executor.setWatchdog(watchdog);
        executor.setStreamHandler(new PumpStreamHandler(out, err, stdinOf(spec)));
        long start = System.nanoTime();
        int exit;
        synchronized (this) {
            if (reservedFor != null && reservedFor != Thread.currentThread()) {
                LOG.debug("not starting {}: another thread is undoing", spec.argv());
                return new CommandResult(spec.argv(), CANCELLED, "", "not started: qmi-conn is stopping", false,
                        Duration.ZERO);
            }
            running.add(watchdog);
        }
        java.util.concurrent.ScheduledFuture<?> kill = Killer.after(spec.timeout().plus(KILL_GRACE), launched);
        try {
            exit = executor.execute(toCommandLine(withParentDeathSignal(spec.argv())), environment(spec));
        } catch (ExecuteException e) {
            exit = e.getExitValue();
        } catch (IOException e) {
            // The program could not be started at all (missing binary, permissions): 127 like a shell says.
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.debug("{} could not start: {}", spec.argv(), e.getMessage());
            return new CommandResult(spec.argv(), 127, "", e.getMessage(), false, took);
        } finally {
            kill.cancel(false);
            running.remove(watchdog);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean timedOut = watchdog.killedProcess();
        CommandResult result = new CommandResult(spec.argv(), timedOut ? -1 : exit,
                out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), timedOut, took);
        LOG.debug("ran {} -> exit {}{} in {} ms", spec.argv(), result.exitCode(),
                timedOut ? " (timed out, killed)" : "", took.toMillis());
        return result;
    }

    /** How long a program may take to end after the SIGTERM of its timeout (or of a cancel) before SIGKILL. */
    static final Duration KILL_GRACE = Duration.ofSeconds(3);

    /**
     * The SIGKILL after {@link #KILL_GRACE}: a timeout (Commons Exec's watchdog) and {@link #cancelRunning} only send
     * SIGTERM, and qmicli catches it to cancel and release cleanly, which can hang on a device that does not answer
     * (seen: a qmicli --wds-noop stuck 22 minutes in a JVM's shutdown hook, two qmicli having shared one pty).
     * One daemon thread, started on first use.
     */
    private static final class Killer {
        private static final java.util.concurrent.ScheduledThreadPoolExecutor TIMER = timer();

        private static java.util.concurrent.ScheduledThreadPoolExecutor timer() {
            java.util.concurrent.ScheduledThreadPoolExecutor t = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                    r -> {
                        Thread thread = new Thread(r, "qmi-conn-exec-kill");
                        thread.setDaemon(true);
                        return thread;
                    });
            t.setRemoveOnCancelPolicy(true); // a service runs qmicli every poll: no pile of cancelled kills
            return t;
        }

        static java.util.concurrent.ScheduledFuture<?> after(Duration delay, CompletableFuture<Process> launched) {
            return TIMER.schedule(() -> {
                Process p = launched.getNow(null);
                if (p != null && p.isAlive()) {
                    LOG.debug("pid {} outlived its timeout and SIGTERM: SIGKILL", p.pid());
                    p.destroyForcibly();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void cancelRunning() {
        for (ExecuteWatchdog w : running) {
            w.destroyProcess();
        }
    }

    /** What a program stopped by SIGTERM exits with; also the answer to a run refused after {@link #cancelOthers}. */
    static final int CANCELLED = 128 + 15;

    @Override
    public void cancelOthers() {
        synchronized (this) {
            reservedFor = Thread.currentThread();
        }
        cancelRunning();
    }

    /** A missing program still fails as "cannot start" (127): setpriv exits 127 too when exec fails. */
    static List<String> withParentDeathSignal(List<String> argv) {
        if (SETPRIV == null) {
            return argv;
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of(SETPRIV, "--pdeathsig", "TERM", "--"));
        wrapped.addAll(argv);
        return wrapped;
    }

    @Override
    public BackgroundProcess start(CommandSpec spec) {
        SyncBuffer out = new SyncBuffer();
        SyncBuffer err = new SyncBuffer();
        CompletableFuture<Process> launched = new CompletableFuture<>();
        // Commons Exec launches asynchronous programs on its own thread; capture the Process for its PID.
        DefaultExecutor executor = new DefaultExecutor() {
            @Override
            protected Process launch(CommandLine command, Map<String, String> env, File dir) throws IOException {
                try {
                    Process p = super.launch(command, env, dir);
                    launched.complete(p);
                    return p;
                } catch (IOException | RuntimeException e) {
                    launched.completeExceptionally(e);
                    throw e;
                }
            }
        };
        executor.setExitValues(null);
        executor.setStreamHandler(new PumpStreamHandler(out, err, stdinOf(spec)));
        DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();
        try {
            executor.execute(toCommandLine(spec.argv()), environment(spec), handler);
        } catch (IOException e) {
            throw new CommandFailedException(new CommandResult(spec.argv(), 127, "", e.getMessage(), false,
                    Duration.ZERO));
        }
        Process process;
        try {
            process = launched.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + spec.argv(), e);
        } catch (ExecutionException | TimeoutException e) {
            String why = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            throw new CommandFailedException(new CommandResult(spec.argv(), 127, "", why, false, Duration.ZERO));
        }
        LOG.debug("started {} as pid {}", spec.argv(), process.pid());
        return new ExecBackgroundProcess(spec.argv(), process, handler, out, err);
    }

    private static InputStream stdinOf(CommandSpec spec) {
        return spec.stdin() == null ? null : new ByteArrayInputStream(spec.stdin().getBytes(StandardCharsets.UTF_8));
    }

    static CommandLine toCommandLine(List<String> argv) {
        CommandLine line = new CommandLine(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            line.addArgument(arg, false);
        }
        return line;
    }

    private static Map<String, String> environment(CommandSpec spec) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(spec.environment());
        return env;
    }

    /** A growing byte buffer that the pump thread writes and readers snapshot. */
    static final class SyncBuffer extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private static final class ExecBackgroundProcess implements BackgroundProcess {
        private final List<String> argv;
        private final Process process;
        private final DefaultExecuteResultHandler handler;
        private final SyncBuffer out;
        private final SyncBuffer err;

        ExecBackgroundProcess(List<String> argv, Process process, DefaultExecuteResultHandler handler, SyncBuffer out,
                              SyncBuffer err) {
            this.argv = List.copyOf(argv);
            this.process = process;
            this.handler = handler;
            this.out = out;
            this.err = err;
        }

        @Override public List<String> argv() { return argv; }
        @Override public long pid() { return process.pid(); }
        @Override public boolean isAlive() { return process.isAlive(); }
        @Override public String stdout() { return out.text(); }
        @Override public String stderr() { return err.text(); }

        @Override
        public OptionalInt waitFor(Duration timeout) {
            try {
                if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    // the handler completes only after the pump threads copied the last output
                    handler.waitFor(Duration.ofSeconds(5));
                    return OptionalInt.of(process.exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OptionalInt.empty();
        }

        @Override
        public void stop(Duration grace) {
            if (!process.isAlive()) {
                return;
            }
            LOG.debug("stopping pid {} ({})", process.pid(), argv.get(0));
            // ProcessHandle, not Process.destroy(): the latter also closes our ends of the pipes at once, and
            // a daemon's last words (watch's "stopped" line after its SIGTERM teardown) would be lost.
            process.toHandle().destroy();
            if (waitFor(grace).isEmpty()) {
                process.toHandle().destroyForcibly();
                waitFor(Duration.ofSeconds(2));
            }
        }
    }
}
