package dev.qmiconn.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.service.LinkService;
import dev.qmiconn.watch.LogStyle;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.settings.DeviceConfig;
import dev.qmiconn.telemetry.TelemetrySettings;
import dev.qmiconn.telemetry.TelemetrySink;
import dev.qmiconn.telemetry.TelemetrySinks;
import dev.qmiconn.watch.OffsetFileClock;
import dev.qmiconn.watch.StopSignal;
import dev.qmiconn.watch.StopSignals;
import dev.qmiconn.watch.WatchOptions;
import dev.qmiconn.watch.Watchdog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qmi-conn watch}: the foreground daemon for systemd. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Bring the modem up and keep it up: detect a dropped session within seconds, reconnect "
                + "with backoff (5/10/20/40/60 s), escalate after repeated failures, count data against --cap, "
                + "log one line per state change; SIGTERM takes the link down cleanly.")
public final class WatchCommand implements Callable<Integer> {

    private static final Duration TEARDOWN_BOUND = Duration.ofSeconds(40);

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectPaths paths;

    @Mixin
    UpOptions up;

    @Mixin
    WatchOptionsMixin watch;

    @Mixin
    ConfigFileOptions config;

    public WatchCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DeviceConfig file = config.applyTo(spec, up.device);
        UpRequest req = up.toRequest(paths.toPaths(context.environment()));
        Clock clock = watch.clockOffsetFile == null ? context.clock()
                : new OffsetFileClock(context.clock(), watch.clockOffsetFile);
        WatchOptions options = watch.toOptions();
        StopSignal stop = new StopSignal();
        AtomicBoolean overdue = new AtomicBoolean();
        StopSignals.install(() -> stopOnSignal(stop, overdue)); // before open: a stop during it is honoured too
        Pacer pacer = Pacer.real(clock);
        LinkService service = LinkService.open(context.runner(), req, pacer); // BUSY: a second watch is refused
        Watchdog loop = new Watchdog(context.runner(), pacer, spec.commandLine().getOut(), req, options, stop)
                .withEnvironment(context.environment())
                .withLogStyle(LogStyle.detect(context.environment()))
                .withLiveView(service.live())
                .parkingWdsIn(service.parking())
                .withTelemetry(telemetry(file, req, clock, spec.commandLine().getOut()));
        // the JVM's own exit path (SIGHUP, a JVM without StopSignals, an overdue teardown): the same teardown
        Thread hook = new Thread(() -> {
            stop.request();
            context.runner().cancelRunning(); // a start in flight ends now; its recorded id is released
            if (!overdue.get()) {
                stop.awaitFinished(TEARDOWN_BOUND);
            }
            service.close();
        }, "qmi-conn-watch-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.serve(loop, ServiceRequests.handler(context, service));
            loop.run();
        } finally {
            service.close();
        }
        return ExitCode.OK.code();
    }

    /**
     * SIGTERM/SIGINT: the loop stops and takes the link down, then {@link #call} returns 0. A teardown that has not
     * finished within {@link #TEARDOWN_BOUND} ends the JVM with FAILURE (the exit hook still releases the ids).
     */
    private void stopOnSignal(StopSignal stop, AtomicBoolean overdue) {
        if (stop.requested()) {
            return; // a second signal while tearing down changes nothing
        }
        Thread t = new Thread(() -> {
            dev.qmiconn.log.Logs.of(WatchCommand.class).debug("stop requested (signal)");
            stop.request();
            context.runner().cancelRunning(); // a start in flight ends now; its recorded id is released
            if (!stop.awaitFinished(TEARDOWN_BOUND)) {
                overdue.set(true);
                spec.commandLine().getErr().println("qmi-conn: the link was not down " + TEARDOWN_BOUND.toSeconds()
                        + " s after the stop signal; exiting (the next start releases what is recorded)");
                spec.commandLine().getErr().flush();
                Main.exitNow(ExitCode.FAILURE);
            }
        }, "qmi-conn-watch-stop");
        t.setDaemon(true); // the normal exit (call returns 0) must not wait for it
        t.start();
    }

    /**
     * The sinks the config file's telemetry keys ask for. One that cannot start (port taken, CA file unreadable)
     * is reported on the log and left out: the link matters more than its metrics.
     */
    private static TelemetrySink telemetry(DeviceConfig file, UpRequest req, Clock clock, PrintWriter out) {
        Map<String, String> keys = new HashMap<>();
        file.settings().forEach((k, v) -> {
            if (k.option() == null) {
                keys.put(k.name(), v.value());
            }
        });
        TelemetrySettings settings = TelemetrySettings.from(keys);
        if (!settings.enabled()) {
            return TelemetrySink.NONE;
        }
        Consumer<String> events = line -> {
            synchronized (out) {
                out.println(clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + line);
                out.flush();
            }
        };
        try {
            return TelemetrySinks.open(settings, TelemetrySinks.hostName(TelemetrySinks.KERNEL_HOSTNAME),
                    Paths.deviceName(req.device()), events);
        } catch (QmiConnException e) {
            events.accept("telemetry off: " + e.getMessage());
            return TelemetrySink.NONE;
        }
    }
}
