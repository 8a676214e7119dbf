package dev.qmiconn.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;

/** Snapshots as the service would publish them, for the telemetry tests. */
public final class Snapshots {

    public static final String ICCID = "8901260862394870221";
    public static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private Snapshots() {
    }

    public static TelemetrySnapshot connected() {
        return new TelemetrySnapshot(AT, "cdc-wdm0", SimId.of(ICCID, null), "T-Mobile", LinkState.CONNECTED,
                "wwan0 100.76.12.9/29 via 100.76.12.10", RegistrationState.REGISTERED, RadioInterface.LTE,
                new TelemetrySnapshot.RadioSignal(-67.0, -95.0, -11.0, 9.0),
                new TelemetrySnapshot.Traffic(123_456L, 7_654_321L, 1_200L, 6_400L),
                Map.of(ReconnectReason.SESSION_DROPPED, 2L, ReconnectReason.DEVICE_GONE, 1L),
                AT.minusSeconds(3600), new TelemetrySnapshot.Usage(150_000_000L, 200_000_000L,
                        LocalDate.parse("2026-11-15"), LocalDate.parse("2026-12-14")),
                new TelemetrySnapshot.LastError("modem reports disconnected", AT.minusSeconds(4000)));
    }

    /** The link is down and the modem does not answer: no signal, no counters, no registration. */
    public static TelemetrySnapshot linkDown() {
        return new TelemetrySnapshot(AT, "cdc-wdm0", SimId.of(ICCID, null), "", LinkState.WAITING,
                "attempt 3 failed (no service); retry in 20 s", null, null, null, null,
                Map.of(ReconnectReason.SESSION_DROPPED, 3L), null, null,
                new TelemetrySnapshot.LastError("CallFailed: no-service", AT));
    }
}
