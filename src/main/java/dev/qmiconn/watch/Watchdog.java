package dev.qmiconn.watch;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

import dev.qmiconn.connect.DownFlow;
import dev.qmiconn.connect.ParkedWdsId;
import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.RoamingPolicy;
import dev.qmiconn.connect.SessionState;
import dev.qmiconn.connect.UpFlow;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.telemetry.TelemetrySink;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.watch.SessionProbe.Health;

/**
 * {@code qmi-conn watch}: keeps the session up and within the data cap. Each poll asks the modem about the
 * session on the client id {@code up} kept; a drop is followed by {@code up} again (which stops the stale
 * session and releases its client id first, so reconnects never leak ids), with backoff and escalation. Every
 * state change is one line on {@code log}. On stop (SIGTERM) it takes the link down.
 */
public final class Watchdog {

    private final CommandRunner runner;
    private final Pacer pacer;
    private final PrintWriter log;
    /** {@code up}/{@code down} progress lines: watch logs only state changes, so theirs go nowhere. */
    private final PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    private final UpRequest request;
    private final WatchOptions options;
    private final StopSignal stop;
    private final SessionProbe probe;
    private final MeterSlot meter;
    private final FailedAttempt failedAttempt;
    private final RoamingGuard roaming;
    private final CapNotice capNotice;
    private final LinkControl link;
    private volatile LiveView live;
    private final ServiceUp serviceUp;
    private LogStyle style = LogStyle.PLAIN;
    private Map<String, String> environment = Map.of();
    private TelemetryFeed telemetry;

    public Watchdog(CommandRunner runner, Pacer pacer, PrintWriter log, UpRequest request, WatchOptions options,
                    StopSignal stop) {
        this.runner = runner;
        this.pacer = pacer;
        this.log = log;
        this.request = request.withRoaming(RoamingPolicy.effective(request.roaming(), options.cap() != null));
        this.options = options;
        this.stop = stop;
        this.link = new LinkControl(stop);
        this.probe = new SessionProbe(runner, request.device(), request.proxy(), request.paths());
        this.meter = new MeterSlot(runner, this.request, options, key -> telemetry.sim(key));
        this.failedAttempt = new FailedAttempt(options,
                new Escalation(runner, request.device(), request.proxy(), request.paths().sysfsRoot()), stop);
        this.roaming = new RoamingGuard(runner, request.device(), request.proxy(), this.request.roaming());
        this.capNotice = new CapNotice(options.capAction());
        this.serviceUp = new ServiceUp(runner, pacer, quiet);
        this.telemetry = new TelemetryFeed(TelemetrySink.NONE, request.device());
    }

    /** Publishes each state change and poll to {@code sink} (docs/TELEMETRY.md); {@link #run} closes it. */
    public Watchdog withTelemetry(TelemetrySink sink) {
        this.telemetry = new TelemetryFeed(sink, request.device()).withLive(live);
        return this;
    }

    /** The environment (PATH) {@code up} uses to cache the libqmi version between reconnects. */
    public Watchdog withEnvironment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /** Journal lines (syslog priority prefix, no own timestamp) instead of timestamped plain lines. */
    public Watchdog withLogStyle(LogStyle s) {
        this.style = s;
        return this;
    }

    /** Keeps a live view of the modem (for the service's status answers) up to date on every poll. */
    public Watchdog withLiveView(LiveView view) {
        this.live = view;
        meter.askingOn(view::queries); // poll-time queries on kept ids: LiveView#queries
        telemetry.withLive(view);
        return this;
    }

    /** A {@code down} by request keeps the WDS id in the service's record for the next up ({@link ParkedWdsId}). */
    public Watchdog parkingWdsIn(ParkedWdsId p) {
        serviceUp.startingOnParked(p);
        return this;
    }

    /** The service's handle on the loop: state, and requests to hold the link down or bring it up. */
    public LinkControl control() {
        return link;
    }

    /** Runs until {@link StopSignal#request()}; then takes the link down and returns. */
    public void run() {
        int failures = 0;
        try {
            while (!stop.requested()) {
                Instant now = pacer.now();
                if (!link.wantsUp()) {
                    if (link.state() != WatchState.HELD_DOWN) {
                        takeDown(serviceUp.parking());
                        change(WatchState.HELD_DOWN, "by request; qmi-conn up brings it back");
                    }
                    refreshLive(false, null);
                    stop.sleep(options.pollInterval());
                    continue;
                }
                if (capHold(now)) {
                    stop.sleep(options.pollInterval());
                    continue;
                }
                if (roamingHold()) {
                    stop.sleep(options.pollInterval());
                    continue;
                }
                Health health = probe.check();
                refreshLive(health.connected(), health.statistics().orElse(null));
                if (health.connected()) {
                    failures = 0;
                    connected(health, now);
                    stop.sleep(options.pollInterval());
                    continue;
                }
                if (link.state() == WatchState.CONNECTED) {
                    change(WatchState.DROPPED, health.reason());
                }
                failures = reconnect(failures);
            }
        } finally {
            meter.flush(pacer.now());
            takeDown();
            change(WatchState.STOPPED, "link down");
            telemetry.close(); // before markFinished: the JVM may halt as soon as the stop hook returns
            stop.markFinished();
        }
    }

    /** What one pass of {@link #once()} ended with. */
    public record Outcome(ExitCode exitCode, String detail) {
    }

    /**
     * One pass for cron ({@code qmi-conn ensure}): count the data of a live session, or bring a dropped one up
     * once, or take it down when the cap is used up. No loop, no backoff, no teardown at the end.
     */
    public Outcome once() {
        meter.openLastSeen();
        try {
            return pass();
        } finally {
            meter.flush(pacer.now());
        }
    }

    private Outcome pass() {
        Instant now = pacer.now();
        if (capHold(now)) {
            return new Outcome(ExitCode.CAP_REACHED, "cap reached");
        }
        if (roamingHold()) {
            return new Outcome(ExitCode.ROAMING_DENIED, "roaming denied");
        }
        Health health = probe.check();
        if (health.connected()) {
            connected(health, now);
            return new Outcome(ExitCode.OK, "connected");
        }
        change(WatchState.CONNECTING, request.apnOrSource() + " on " + request.device() + " (" + health.reason() + ")");
        try {
            new UpFlow(runner, pacer, quiet).withEnvironment(environment).run(request);
            Health after = probe.check();
            if (after.connected()) {
                connected(after, pacer.now());
                return new Outcome(ExitCode.OK, "connected");
            }
            return new Outcome(ExitCode.NOT_CONNECTED, after.reason());
        } catch (QmiConnException e) {
            log.println(style.line(3, pacer.now(), "up failed: " + e.getMessage()));
            log.flush();
            return new Outcome(e.exitCode(), e.getMessage());
        }
    }

    private void connected(Health health, Instant now) {
        SessionState s = health.state().orElseThrow();
        health.statistics().ifPresent(stats -> meter.get().observe(stats, now));
        if (link.state() != WatchState.CONNECTED) {
            change(WatchState.CONNECTED, WatchState.connectedDetail(s));
        }
        UsageMeter m = meter.get();
        capNotice.after(m.level(now), m.current(now).usedBytes(), m.cap()).ifPresent(n -> {
            if (n.runHook()) {
                runner.run(CommandSpec.of(options.capAction().hookArgv()));
            }
            log.println(style.line(4, pacer.now(), n.line()));
            log.flush();
        });
        telemetry.polled(health, m, now);
    }

    private int reconnect(int failures) {
        boolean byRequest = link.state() == WatchState.HELD_DOWN; // `up` after `down`, not a drop
        change(WatchState.CONNECTING, request.apnOrSource() + " on " + request.device());
        try {
            SessionState up = serviceUp.run(request, environment, live, byRequest);
            // connected once up has started the session and applied the address: a waiting `qmi-conn up` is
            // answered now; the first poll follows at once, on the kept WDS id only (a stop that kills it leaks no
            // id), for status's counters and telemetry's first snapshot
            if (live != null) {
                live.connectedByUp();
            }
            change(WatchState.CONNECTED, WatchState.connectedDetail(up));
            Health first = probe.check();
            refreshLive(first.connected(), first.statistics().orElse(null));
            if (first.connected()) {
                connected(first, pacer.now());
                stop.sleep(options.pollInterval());
            }
            return 0;
        } catch (QmiConnException e) {
            return failedAttempt.handle(e, failures, live, this::change, () -> {
                link.failed(e.exitCode());
                telemetry.failed(e.getMessage(), pacer.now());
            });
        }
    }

    /** The cap is used up and its action is to disconnect: the link goes down (once) and is held down. */
    private boolean capHold(Instant now) {
        // no cap, no ledger lookup: asking the modem for the ICCID must not delay the first connect
        if (!options.capAction().disconnects() || options.cap() == null
                || meter.get().level(now) != DataCap.Level.EXCEEDED) {
            return false;
        }
        if (link.state() != WatchState.CAPPED) {
            takeDown();
            change(WatchState.CAPPED, "data cap " + meter.get().cap().limit().human() + " used up; down until "
                    + meter.get().current(now).periodEnd());
        }
        return true;
    }

    /** Registered roaming with roaming denied: the link goes down (once) and is held down; false otherwise. */
    private boolean roamingHold() {
        return roaming.holdReason(live == null ? null : live.queries()).map(why -> {
            if (link.state() != WatchState.ROAMING) {
                takeDown();
                change(WatchState.ROAMING, why);
            }
            return true;
        }).orElse(false);
    }

    private void takeDown() {
        takeDown(null);
    }

    /** {@code keep}: where a down by request keeps the WDS id for the next up; null releases it. */
    private void takeDown(ParkedWdsId keep) {
        try {
            new DownFlow(runner, quiet).parkingWdsIn(keep)
                    .run(request.device(), request.iface(), request.proxy(), request.paths());
        } catch (QmiConnException e) {
            log.println(style.line(3, pacer.now(), "down failed: " + e.getMessage()));
            log.flush();
        }
    }

    private void refreshLive(boolean connected, PacketStatistics stats) {
        if (live != null) {
            live.session(connected, stats, pacer.now());
        }
    }

    private void change(WatchState next, String detail) {
        link.set(next, detail);
        telemetry.state(next, detail, pacer.now());
        log.println(style.line(next.priority(), pacer.now(), next.word() + " " + detail));
        log.flush();
    }
}
