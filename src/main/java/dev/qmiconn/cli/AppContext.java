package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.process.RecordingRunner;

/**
 * What every command needs from the outside world, injected by {@link Main}'s factory: the process seam,
 * the clock and the environment. Tests build one with a replaying runner.
 */
public final class AppContext {

    private final CommandRunner baseRunner;
    private final Clock clock;
    private final Map<String, String> environment;
    private Path recordDirectory;
    private CommandRunner runner;
    private dev.qmiconn.service.ServiceControl service;
    private StatusPrefetch prefetch;

    public AppContext(CommandRunner runner, Clock clock, Map<String, String> environment) {
        this.baseRunner = runner;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
    }

    public static AppContext production() {
        return new AppContext(new ExecRunner(), new MachineClock(), System.getenv());
    }

    /**
     * {@code Clock.systemDefaultZone()}, but the machine's zone is looked up when asked, not when made: that lookup
     * (TimeZone, tzdb.dat, a ServiceLoader scan of the class path for zone providers) cost every start 10-25 ms
     * before a status could ask the modem, and no command path asks the clock for its zone today.
     */
    static final class MachineClock extends Clock {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.system(zone);
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now();
        }
    }

    /** Set by the global {@code --record DIR} option before any command runs. */
    void recordInto(Path directory) {
        this.recordDirectory = directory;
        this.runner = null;
    }

    public synchronized CommandRunner runner() {
        if (runner == null) {
            runner = recordDirectory == null ? baseRunner : new RecordingRunner(baseRunner, recordDirectory);
        }
        return runner;
    }

    /** A context for requests a running service answers: the same seam and clock, and the service itself. */
    public AppContext forService(dev.qmiconn.service.ServiceControl control) {
        AppContext c = new AppContext(runner(), clock, environment);
        c.service = control;
        return c;
    }

    /** A plain status already asking the modem while picocli starts ({@link StatusPrefetch}); may be null. */
    void prefetched(StatusPrefetch prefetch) {
        this.prefetch = prefetch;
    }

    /** The prefetch, handed out once. */
    synchronized java.util.Optional<StatusPrefetch> takePrefetch() {
        StatusPrefetch p = prefetch;
        prefetch = null;
        return java.util.Optional.ofNullable(p);
    }

    /** Present while a command runs inside the service, on behalf of a client on its socket. */
    public java.util.Optional<dev.qmiconn.service.ServiceControl> service() {
        return java.util.Optional.ofNullable(service);
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> environment() {
        return environment;
    }
}
