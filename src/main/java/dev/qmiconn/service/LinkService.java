package dev.qmiconn.service;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.connect.DeviceLock;
import dev.qmiconn.connect.ModemIds;
import dev.qmiconn.connect.NetConfig;
import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.ParkedWdsId;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.QmiNetworkBackend;
import dev.qmiconn.connect.SessionRecord;
import dev.qmiconn.connect.SessionState;
import dev.qmiconn.connect.StateStore;
import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.connect.StatusReport;
import dev.qmiconn.connect.Teardown;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.watch.LinkControl;
import dev.qmiconn.watch.LiveView;
import dev.qmiconn.watch.WatchState;
import dev.qmiconn.watch.Watchdog;

/**
 * The resident service of one device ({@code qmi-conn watch} under systemd): it holds the service lock (a second
 * watch is refused), keeps its own NAS, UIM and DMS client ids for its lifetime (recorded before use in
 * {@code <dev>.service.json}, released on stop, and released by the next instance after a crash), runs the watch
 * loop, and answers the local API from its live view.
 */
public final class LinkService implements ServiceControl, AutoCloseable {

    static final Duration REQUEST_BOUND = Duration.ofSeconds(120);
    static final Duration QMICLI_TIMEOUT = Duration.ofSeconds(12);
    /** The services whose client ids the service keeps for its lifetime (WDS ids belong to the session). */
    static final List<String> KEPT_SERVICES = List.of("nas", "uim", "dms");

    private final CommandRunner runner;
    private final UpRequest request;
    private final Pacer pacer;
    private final DeviceLock lock;
    private final SessionRecord kept;
    private final QmiClient plain;
    private final Teardown teardown;
    private LiveView live;
    private Watchdog watchdog;
    private ControlSocket socket;
    private boolean closed;

    private LinkService(CommandRunner runner, UpRequest request, Pacer pacer, DeviceLock lock, SessionRecord kept,
                        QmiClient plain, Teardown teardown) {
        this.runner = runner;
        this.request = request;
        this.pacer = pacer;
        this.lock = lock;
        this.kept = kept;
        this.plain = plain;
        this.teardown = teardown;
    }

    /**
     * Takes the service lock (BUSY when another service runs), releases what an earlier instance recorded, and
     * allocates this instance's query client ids, each recorded before use.
     */
    public static LinkService open(CommandRunner runner, UpRequest req, Pacer pacer) {
        Paths paths = req.paths();
        DeviceLock lock = DeviceLock.acquireService(paths.stateDir(), req.deviceName(), req.device());
        try {
            QmiClient qmi = new QmiClient(runner, req.device(), req.proxy(), QMICLI_TIMEOUT);
            StateStore store = new StateStore(paths.serviceIdsFile(req.deviceName()));
            Teardown teardown = new Teardown(qmi, new QmiNetworkBackend(runner, paths), new NetConfig(runner),
                    new dev.qmiconn.dns.Dns(runner, paths.stateDir()));
            SessionRecord.load(store).ifPresent(teardown::undo); // a killed instance's ids
            SessionRecord kept = new SessionRecord(store, SessionState.begin(new SessionState.Link(req.device(),
                    null, "service", req.proxy(), null, pacer.now().getEpochSecond()), null));
            LinkService service = new LinkService(runner, req, pacer, lock, kept, qmi, teardown);
            service.keepQueryIds();
            return service;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * NAS, UIM and DMS ids for the live view's queries (registration and signal; SIM; IMEI and ICCID). A modem
     * that refuses one is asked with fresh ids of that service.
     */
    private void keepQueryIds() {
        live = new LiveView(keptClient(), this::renewQueryIds, Path.of(request.device()),
                ModemIds.cacheFile(request.paths(), request.deviceName()));
    }

    /** A client on freshly allocated kept ids, each recorded before use. */
    private QmiClient keptClient() {
        Map<String, Integer> ids = new java.util.HashMap<>();
        for (String service : KEPT_SERVICES) {
            try {
                ids.put(service, kept.allocate(plain, service));
            } catch (RuntimeException e) {
                dev.qmiconn.log.Logs.of(LinkService.class).debug("no kept {} id: {}", service, e.toString());
            }
        }
        return plain.keeping(ids);
    }

    /**
     * The modem forgot the kept ids (replugged, reset: every id goes with its power): they are dropped from the
     * record (a release is tried, in case only some went) and fresh ones allocated.
     */
    private synchronized QmiClient renewQueryIds() {
        for (SessionState.ClientId id : kept.state().clientIds()) {
            try {
                kept.release(plain, id.service(), id.cid());
            } catch (RuntimeException e) {
                kept.note(s -> s.released(id.service(), id.cid()));
            }
        }
        return keptClient();
    }

    /**
     * Where the watch loop keeps the session's WDS id between a {@code down} by request and the next {@code up}:
     * this service's record, released with the query ids on {@link #close}.
     */
    public ParkedWdsId parking() {
        return new ParkedWdsId(kept);
    }

    /** The live view the watch loop must keep up to date ({@link Watchdog#withLiveView}). */
    public LiveView live() {
        return live;
    }

    /** Starts answering on the socket; from now on {@code status}, {@code up}, {@code down} come here. */
    public void serve(Watchdog loop, ControlSocket.RequestHandler handler) {
        this.watchdog = loop;
        this.socket = ControlSocket.open(socketPath(request.paths(), request.deviceName()), handler);
        notifySystemd("--ready", "--status=serving " + socket.path());
    }

    public static Path socketPath(Paths paths, String deviceName) {
        return paths.stateDir().resolve(deviceName + ".sock");
    }

    /** Tells systemd (Type=notify, NotifyAccess=all) through systemd-notify; nothing outside a notify unit. */
    public void notifySystemd(String... words) {
        if (System.getenv("NOTIFY_SOCKET") == null) {
            return;
        }
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("systemd-notify",
                "--pid=" + ProcessHandle.current().pid()));
        argv.addAll(java.util.List.of(words));
        runner.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(10)));
    }

    @Override
    public String device() {
        return request.device();
    }

    @Override
    public StatusReport status() {
        Optional<SessionState> state = new StateStore(request.paths().stateFile(request.deviceName())).read();
        return new StatusFlow(runner, pacer).assemble(request.device(), request.paths(), state, live.parts(),
                live.ids());
    }

    @Override
    public int up(PrintWriter out) {
        LinkControl link = watchdog.control();
        boolean done = link.up(REQUEST_BOUND);
        WatchState s = link.state();
        out.println(request.device() + ": " + s.word() + " " + link.detail());
        out.flush();
        if (!done) {
            return ExitCode.NO_SERVICE.code();
        }
        return switch (s) {
            case CONNECTED -> ExitCode.OK.code();
            case CAPPED -> ExitCode.CAP_REACHED.code();
            case ROAMING -> ExitCode.ROAMING_DENIED.code();
            // what a one-shot up would have exited with for the same failure (CALL_FAILED, NO_SERVICE, ...)
            case BACKOFF -> link.lastFailure() != null ? link.lastFailure().code() : ExitCode.NOT_CONNECTED.code();
            default -> ExitCode.NOT_CONNECTED.code();
        };
    }

    @Override
    public int down(PrintWriter out) {
        boolean done = watchdog.control().down(REQUEST_BOUND);
        out.println(request.device() + " is down and stays down until qmi-conn up (the service keeps running)");
        out.flush();
        return done ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    /** Stops answering, releases the kept ids and the lock (the loop has taken the link down by now). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (socket != null) {
            socket.close();
        }
        try {
            teardown.undo(kept);
        } finally {
            lock.close();
        }
    }
}
