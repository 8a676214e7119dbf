package dev.qmiconn.telemetry;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.qmi.model.Plmn;
import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.UsageLedger;

/**
 * What the service has learnt so far, turned into snapshots: it reports state changes and what each poll read
 * from the modem, and asks for {@link #snapshot} whenever it wants to publish. Counts reconnects by reason (each
 * drop of a connected link), remembers when the session came up and the last error. Not thread-safe: one
 * service thread owns it (the sinks get immutable snapshots).
 */
public final class SnapshotTracker {

    private final String device;
    private final EnumMap<ReconnectReason, Long> reconnects = new EnumMap<>(ReconnectReason.class);
    private String simId = SimId.UNKNOWN;
    private String operator = "";
    private LinkState state = LinkState.STARTING;
    private String detail = "";
    private RegistrationState registration;
    private RadioInterface radio;
    private TelemetrySnapshot.RadioSignal signal = TelemetrySnapshot.RadioSignal.NONE;
    private TelemetrySnapshot.Traffic traffic = TelemetrySnapshot.Traffic.NONE;
    private Instant sessionStart;
    private TelemetrySnapshot.Usage usage;
    private TelemetrySnapshot.LastError lastError;

    public SnapshotTracker(String device) {
        this.device = device;
    }

    /** A state change; leaving {@link LinkState#CONNECTED} for {@link LinkState#DROPPED} counts a reconnect. */
    public void state(LinkState next, String why, Instant at) {
        if (next == LinkState.DROPPED && state == LinkState.CONNECTED) {
            reconnects.merge(ReconnectReason.classify(why), 1L, Long::sum);
        }
        if (next == LinkState.CONNECTED && state != LinkState.CONNECTED) {
            sessionStart = at;
        } else if (next != LinkState.CONNECTED) {
            sessionStart = null;
            // the modem's counters belong to the session that just ended
            traffic = TelemetrySnapshot.Traffic.NONE;
        }
        state = next;
        detail = why == null ? "" : why;
    }

    public LinkState state() {
        return state;
    }

    public void error(String message, Instant at) {
        lastError = new TelemetrySnapshot.LastError(message, at);
    }

    /** The SIM, from whichever of ICCID and IMSI the modem gave (neither is kept, only the pseudonym). */
    public void sim(String iccid, String imsi) {
        simId = SimId.of(iccid, imsi);
    }

    public void servingSystem(ServingSystem s) {
        registration = s.registration();
        Plmn plmn = s.plmn();
        if (plmn != null) {
            operator = plmn.description() != null && !plmn.description().isBlank() ? plmn.description().strip()
                    : plmn.mcc() + "-" + plmn.mnc();
        }
        if (radio == null && !s.radioInterfaces().isEmpty()) {
            radio = s.radioInterfaces().get(0);
        }
    }

    /** The modem did not answer: registration, radio and signal become unknown rather than stale. */
    public void modemSilent() {
        registration = null;
        radio = null;
        signal = TelemetrySnapshot.RadioSignal.NONE;
    }

    public void signal(SignalStrength s) {
        radio = s.current() == null ? radio : s.current().network();
        Double snr = s.snr() != null ? Double.valueOf(s.snr().value())
                : s.sinr() != null ? s.sinr().db() : null;
        signal = new TelemetrySnapshot.RadioSignal(s.current() == null ? null : s.current().value(),
                s.rsrp() == null ? null : s.rsrp().value(), s.rsrq() == null ? null : s.rsrq().value(), snr);
    }

    public void statistics(PacketStatistics p) {
        traffic = new TelemetrySnapshot.Traffic(p.txBytesOk(), p.rxBytesOk(), p.txPacketsOk(), p.rxPacketsOk());
    }

    public void usage(UsageLedger ledger, DataCap cap) {
        usage = new TelemetrySnapshot.Usage(ledger.usedBytes(), cap == null ? null : cap.limit().bytes(),
                ledger.periodStart(), ledger.periodEnd());
    }

    public Map<ReconnectReason, Long> reconnects() {
        return Map.copyOf(reconnects);
    }

    public TelemetrySnapshot snapshot(Instant at) {
        return new TelemetrySnapshot(at, device, simId, operator, state, detail, registration, radio, signal,
                traffic, reconnects, sessionStart, usage, lastError);
    }
}
