package dev.qmiconn.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;

/**
 * What the service knows about one modem at one moment, as telemetry publishes it. Immutable; the service builds
 * a new one per poll and per state change. Unknown values are null (a modem that does not answer has no signal),
 * and are left out of the metrics and the MQTT payload rather than published as 0.
 *
 * @param at           when the service looked
 * @param device       the control device's name ({@code cdc-wdm0}): the {@code device} label and topic level
 * @param simId        a pseudonym of the SIM ({@link SimId}), never the ICCID or IMSI themselves
 * @param operator     the network's name as the modem reports it, or "" when unknown
 * @param state        where the link is; anything but {@link LinkState#CONNECTED} means no data flows
 * @param detail       the service's own words for the last state change (one line)
 * @param registration NAS registration, null when the modem was not asked or did not answer
 * @param radio        the radio technology in use, null when unknown
 * @param sessionStart when the current data session came up, null while there is none
 * @param usage        the billing period's usage, null when the service does not count
 * @param lastError    the last failure the service saw, null when none since it started
 */
public record TelemetrySnapshot(Instant at, String device, String simId, String operator, LinkState state,
                                String detail, RegistrationState registration, RadioInterface radio,
                                RadioSignal signal, Traffic traffic, Map<ReconnectReason, Long> reconnects,
                                Instant sessionStart, Usage usage, LastError lastError) {

    /** Signal quality; each value null when the modem did not report it (RSRP/RSRQ exist on LTE only). */
    public record RadioSignal(Double rssiDbm, Double rsrpDbm, Double rsrqDb, Double snrDb) {
        public static final RadioSignal NONE = new RadioSignal(null, null, null, null);
    }

    /** The modem's counters for the current session (they restart at 0 with each session); null = unknown. */
    public record Traffic(Long txBytes, Long rxBytes, Long txPackets, Long rxPackets) {
        public static final Traffic NONE = new Traffic(null, null, null, null);
    }

    /** Data used in the billing period against the cap ({@code capBytes} null: no cap set). */
    public record Usage(long usedBytes, Long capBytes, LocalDate periodStart, LocalDate periodEnd) {
    }

    public record LastError(String message, Instant at) {
    }

    public TelemetrySnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        simId = simId == null || simId.isEmpty() ? SimId.UNKNOWN : simId;
        operator = operator == null ? "" : operator;
        detail = detail == null ? "" : detail;
        signal = signal == null ? RadioSignal.NONE : signal;
        traffic = traffic == null ? Traffic.NONE : traffic;
        EnumMap<ReconnectReason, Long> counts = new EnumMap<>(ReconnectReason.class);
        if (reconnects != null) {
            counts.putAll(reconnects);
        }
        reconnects = java.util.Collections.unmodifiableMap(counts);
    }

    /** The first snapshot of a service that has not looked at the modem yet. */
    public static TelemetrySnapshot starting(String device, Instant at) {
        return new TelemetrySnapshot(at, device, null, null, LinkState.STARTING, "", null, null, null, null, null,
                null, null, null);
    }

    public boolean connected() {
        return state == LinkState.CONNECTED;
    }

    /** How long the current session has been up; zero while there is none. */
    public Duration sessionUptime() {
        if (!connected() || sessionStart == null || sessionStart.isAfter(at)) {
            return Duration.ZERO;
        }
        return Duration.between(sessionStart, at);
    }

    public long reconnectsTotal() {
        return reconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A copy in a new link state, e.g. for the service's state-change callback. */
    public TelemetrySnapshot withState(LinkState next, String why, Instant when) {
        return new TelemetrySnapshot(when, device, simId, operator, next, why, registration, radio, signal,
                traffic, reconnects, next == LinkState.CONNECTED ? sessionStart : null, usage, lastError);
    }
}
