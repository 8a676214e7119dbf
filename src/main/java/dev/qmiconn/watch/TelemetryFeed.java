package dev.qmiconn.watch;

import java.time.Instant;

import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.telemetry.LinkState;
import dev.qmiconn.telemetry.SnapshotTracker;
import dev.qmiconn.telemetry.TelemetrySink;
import dev.qmiconn.usage.LedgerKey;

/**
 * Watch's side of telemetry: its state changes and polls, and the service's {@link LiveView} of the radio
 * (serving system and signal, which the service refreshes on its kept client ids), go into a
 * {@link SnapshotTracker}; each becomes a snapshot handed to the sink, which returns at once. Telemetry runs no
 * qmicli of its own. With telemetry off nothing of it is built.
 */
final class TelemetryFeed {

    private final TelemetrySink sink;
    private final SnapshotTracker tracker;
    private LiveView live;

    TelemetryFeed(TelemetrySink sink, String device) {
        this.sink = sink;
        this.tracker = sink != TelemetrySink.NONE ? new SnapshotTracker(dev.qmiconn.connect.Paths.deviceName(device))
                : null;
    }

    TelemetryFeed withLive(LiveView view) {
        this.live = view;
        return this;
    }

    boolean on() {
        return tracker != null;
    }

    void sim(LedgerKey key) {
        if (!on()) {
            return;
        }
        String v = key.value();
        tracker.sim(v.startsWith("sim-") ? v.substring("sim-".length()) : null, null);
    }

    void state(WatchState next, String detail, Instant at) {
        if (!on()) {
            return;
        }
        tracker.state(linkState(next), detail, at);
        if (next == WatchState.DROPPED) {
            tracker.error(detail, at);
        }
        if (next == WatchState.CONNECTED) {
            return; // watch polls the new session at once: that snapshot, with its counters, announces it
        }
        radio(); // the radio says why the link is down (searching, denied, no signal)
        sink.publish(tracker.snapshot(at));
    }

    /** A failed attempt to bring the link up: its message becomes the last error. */
    void failed(String message, Instant at) {
        if (on()) {
            tracker.error(message, at);
        }
    }

    /** A poll of a connected session: its counters and the period's usage. */
    void polled(SessionProbe.Health health, UsageMeter meter, Instant at) {
        if (!on()) {
            return;
        }
        health.statistics().ifPresent(tracker::statistics);
        tracker.usage(meter.current(at), meter.cap());
        radio();
        sink.publish(tracker.snapshot(at));
    }

    /** What the live view last read of the radio; nothing read means the modem did not answer. */
    private void radio() {
        if (live == null) {
            return;
        }
        StatusFlow.Parts p = live.parts();
        if (p.servingSystem() == null && p.signal() == null) {
            tracker.modemSilent();
            return;
        }
        if (p.servingSystem() != null) {
            tracker.servingSystem(p.servingSystem());
        }
        if (p.signal() != null) {
            tracker.signal(p.signal());
        }
    }

    void close() {
        sink.close();
    }

    static LinkState linkState(WatchState s) {
        return switch (s) {
            case CONNECTING -> LinkState.CONNECTING;
            case CONNECTED -> LinkState.CONNECTED;
            case DROPPED -> LinkState.DROPPED;
            case BACKOFF -> LinkState.WAITING;
            case ESCALATING -> LinkState.ESCALATING;
            case CAPPED -> LinkState.CAPPED;
            case ROAMING -> LinkState.ROAMING;
            case HELD_DOWN -> LinkState.HELD_DOWN;
            case STOPPED -> LinkState.STOPPED;
        };
    }
}
