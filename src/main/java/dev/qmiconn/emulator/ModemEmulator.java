package dev.qmiconn.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;

import dev.qmiconn.log.Logs;

/**
 * A QMI modem in Java: serves QMUX frames on a filesystem Unix socket, which socat bridges to a raw pty
 * that qmicli opens as its device. State is modem-wide (client ids outlive qmicli processes and socket
 * connections, as on a real dongle); answers go back on the connection the request came in on.
 */
public final class ModemEmulator implements EmulatedModem {

    private static final Logger LOG = Logs.of(ModemEmulator.class);

    private final ModemState state;
    private final CtlService ctl;
    private final NavigableMap<Integer, ServiceHandler> services = new TreeMap<>();
    private final UnixSocketServer server;
    private final ScheduledExecutorService ticker;
    /** Sends answers held back by the scenario's reply latency; null when answers leave at once. */
    private final ScheduledExecutorService latePost;
    private final long replyLatencyNanos;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    private ModemEmulator(Scenario scenario, Path socket, Clock clock) throws IOException {
        this.state = new ModemState(scenario, clock);
        List<ServiceHandler> handlers = new java.util.ArrayList<>(List.of(new WdsService(), new DmsService(),
                new NasService(), new UimService()));
        if (scenario.data().wda()) {
            handlers.add(new WdaService());
        }
        handlers.forEach(h -> services.put(h.service(), h));
        this.ctl = new CtlService(services.navigableKeySet());
        this.server = socket == null ? null
                : new UnixSocketServer(socket, "qmi-emulator", state::present, this::converse);
        state.events().onDevicePresence(present -> {
            if (!present) {
                // The tty is gone: every open file on it sees hangup. socat exits when its connection
                // closes, so whoever bridges must start a new socat (a new pty) once the device is back.
                if (server != null) {
                    server.dropConnections();
                }
            }
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qmi-emulator-timeline");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tickQuietly, 100, 100, TimeUnit.MILLISECONDS);
        this.replyLatencyNanos = scenario.replyLatency().toNanos();
        // One thread, equal delays: answers leave in the order their requests came (ties by submission order).
        this.latePost = replyLatencyNanos == 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qmi-emulator-replies");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts an emulator serving {@code unixSocketPath} on the system clock. */
    public static ModemEmulator start(Scenario scenario, Path unixSocketPath) {
        return start(scenario, unixSocketPath, Clock.systemUTC());
    }

    /**
     * Starts an emulator; {@code unixSocketPath} null serves no socket (for in-process tests through
     * {@link #exchange}). Timeline faults follow {@code clock}; with a manual clock call {@link #tick()}.
     */
    public static ModemEmulator start(Scenario scenario, Path unixSocketPath, Clock clock) {
        try {
            return new ModemEmulator(scenario, unixSocketPath, clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve QMUX on " + unixSocketPath + ": " + e.getMessage(), e);
        }
    }

    /** Handles one request in-process, exactly as if it came over the socket; empty when unanswered. */
    public Optional<QmiMessage> exchange(QmiMessage request) {
        return dispatch(request);
    }

    /** Applies the timeline now (the ticker does this every 100 ms on its own). */
    public void tick() {
        state.tick();
    }

    private void tickQuietly() {
        try {
            state.tick();
        } catch (RuntimeException e) {
            LOG.warn("emulator timeline tick failed", e);
        }
    }

    /**
     * QMUX frame in, answer (if any) out on the same connection; a malformed frame is dropped. With a reply
     * latency the answer is posted for arrival + latency and the next request is read meanwhile, so concurrent
     * clients (qmi-proxy multiplexes them on one connection) wait one latency each, not the sum of all.
     */
    private void converse(SocketChannel c) throws IOException {
        InputStream in = Channels.newInputStream(c);
        while (true) {
            byte[] frame = QmuxCodec.readFrame(in);
            long arrived = System.nanoTime();
            QmiMessage request;
            try {
                request = QmuxCodec.decode(frame);
            } catch (QmuxCodec.QmuxFormatException e) {
                LOG.debug("dropping malformed frame: {}", e.getMessage());
                continue;
            }
            Optional<QmiMessage> response = dispatch(request);
            if (response.isEmpty()) {
                continue;
            }
            byte[] answer = QmuxCodec.encode(response.get());
            if (latePost == null) {
                UnixSocketServer.writeFully(c, answer);
            } else {
                long wait = Math.max(0, arrived + replyLatencyNanos - System.nanoTime());
                latePost.schedule(() -> post(c, answer), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private static void post(SocketChannel c, byte[] answer) {
        try {
            UnixSocketServer.writeFully(c, answer);
        } catch (IOException e) {
            LOG.debug("late answer not delivered (connection gone): {}", e.getMessage());
        }
    }

    private Optional<QmiMessage> dispatch(QmiMessage request) {
        if (request.kind() != QmiMessage.Kind.REQUEST || request.direction() != QmiMessage.Direction.TO_MODEM) {
            return Optional.empty();
        }
        requests.incrementAndGet();
        state.tick();
        Reply reply;
        double delay;
        synchronized (state) {
            delay = slowReplyDelay(request);
            reply = answer(request);
        }
        state.runPending();
        if (delay > 0 && !reply.silent()) {
            try {
                Thread.sleep((long) (delay * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.debug("{} -> {}", request, reply.silent() ? "(no answer)" : reply.error() + " " + reply.tlvs());
        return reply.silent() ? Optional.empty() : Optional.of(request.response(reply.responseTlvs()));
    }

    /** Seconds a slow-reply fault holds this request's answer back (the request itself takes effect at once). */
    private double slowReplyDelay(QmiMessage request) {
        for (Fault f : state.scenario.faults()) {
            if (f.type() == Fault.Type.SLOW_REPLY && f.activeAt(state.now()) && state.faults().mayFire(f)
                    && RequestKey.matches(f.request(), request)) {
                state.faults().fire(f);
                return f.delaySeconds();
            }
        }
        return 0;
    }

    private Reply answer(QmiMessage request) {
        if (!state.present()) {
            return Reply.silence();
        }
        for (Fault f : state.scenario.faults()) {
            if (f.type() == Fault.Type.NO_ANSWER && f.activeAt(state.now()) && state.faults().mayFire(f)
                    && RequestKey.matches(f.request(), request)) {
                state.faults().fire(f);
                return Reply.silence();
            }
        }
        if (request.isCtl()) {
            return ctl.handle(request, state);
        }
        ServiceHandler handler = services.get(request.service());
        if (handler == null) {
            return Reply.error(QmiError.INVALID_SERVICE_TYPE);
        }
        if (!state.hasClientId(request.service(), request.clientId())) {
            return Reply.error(QmiError.INVALID_CLIENT_ID);
        }
        return handler.handle(request, state);
    }

    @Override
    public Path socket() {
        return server == null ? null : server.path();
    }

    @Override
    public String scenarioName() {
        return state.scenario.name();
    }

    public Scenario scenario() {
        return state.scenario;
    }

    @Override
    public long requestsSeen() {
        return requests.get();
    }

    @Override
    public long allocationsSeen() {
        return state.allocations();
    }

    @Override
    public int liveClientIds() {
        return state.liveClientIds();
    }

    @Override
    public int liveSessions() {
        return state.liveSessions();
    }

    @Override
    public Optional<SessionSettings> session() {
        return state.session().map(state::settingsOf);
    }

    @Override
    public void dropSession(double noServiceSeconds) {
        state.dropNow(noServiceSeconds);
    }

    /** Whether the device is there (false between a device-vanish fault and its return). */
    public boolean present() {
        return state.present();
    }

    /**
     * Listeners run on the emulator thread that made the change (a connection thread for start/stop, the
     * timeline thread for drops), after the modem state changed and before qmicli's answer is sent, so
     * whatever a listener sets up (the sandbox's DHCP side) is ready when {@code Network started} prints.
     * A listener that throws is logged and ignored.
     */
    @Override
    public void onSessionChange(Consumer<Optional<SessionSettings>> listener) {
        state.events().onSessionChange(listener);
    }

    @Override
    public void onDevicePresence(Consumer<Boolean> listener) {
        state.events().onDevicePresence(listener);
    }

    @Override
    public String linkLayer() {
        return state.linkLayer().name();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (latePost != null) {
            latePost.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }
}
