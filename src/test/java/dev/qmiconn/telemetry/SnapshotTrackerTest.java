package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.qmi.parse.NasParsers;
import dev.qmiconn.qmi.parse.WdsParsers;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.UsageLedger;

/** The tracker fed with qmicli 1.32.2 output (the parsers' own fixtures) and the service's state changes. */
class SnapshotTrackerTest {

    private static final Path FIXTURES = Path.of("test-fixtures/qmicli/1.32.2");
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static String fixture(String action, String name) throws IOException {
        return Files.readString(FIXTURES.resolve(action).resolve(name + ".out"));
    }

    @Test
    void should_turn_what_a_poll_read_into_the_snapshots_values() throws IOException {
        SnapshotTracker t = new SnapshotTracker("cdc-wdm0");
        t.sim("8901260862394870221", null);
        t.servingSystem(NasParsers.servingSystem(fixture("nas-get-serving-system", "registered-lte")));
        t.signal(NasParsers.signalStrength(fixture("nas-get-signal-strength", "lte-all-sections")));
        t.state(LinkState.CONNECTED, "wwan0 up", T0);
        t.statistics(WdsParsers.packetStatistics(fixture("wds-get-packet-statistics", "ok")));
        t.usage(new UsageLedger(LocalDate.parse("2026-11-15"), LocalDate.parse("2026-12-14"), 1000, 2000,
                null, null, null), new DataCap(ByteSize.parse("200MB"), 80));
        TelemetrySnapshot s = t.snapshot(T0.plusSeconds(90));
        assertEquals("MetroPCS", s.operator());
        assertEquals(RegistrationState.REGISTERED, s.registration());
        assertEquals(RadioInterface.LTE, s.radio());
        assertEquals(new TelemetrySnapshot.RadioSignal(-71.0, -98.0, -8.0, 12.4), s.signal());
        assertEquals(7_654_321L, s.traffic().rxBytes());
        assertEquals(1024L, s.traffic().txPackets());
        assertEquals(Duration.ofSeconds(90), s.sessionUptime());
        assertEquals(3000L, s.usage().usedBytes());
        assertEquals(200_000_000L, s.usage().capBytes());
        assertTrue(s.simId().startsWith("iccid-"));
    }

    @Test
    void should_count_each_drop_of_a_connected_link_by_reason() {
        SnapshotTracker t = new SnapshotTracker("cdc-wdm0");
        t.state(LinkState.CONNECTING, "fast.metropcs.com on /dev/cdc-wdm0", T0);
        t.state(LinkState.DROPPED, "no session recorded", T0);
        t.state(LinkState.CONNECTED, "up", T0);
        t.state(LinkState.DROPPED, "modem reports disconnected", T0.plusSeconds(10));
        t.state(LinkState.CONNECTING, "again", T0.plusSeconds(10));
        t.state(LinkState.CONNECTED, "up", T0.plusSeconds(20));
        t.state(LinkState.DROPPED, "/dev/cdc-wdm0 is gone", T0.plusSeconds(30));
        assertEquals(Map.of(ReconnectReason.SESSION_DROPPED, 1L, ReconnectReason.DEVICE_GONE, 1L), t.reconnects());
        assertEquals(2, t.snapshot(T0.plusSeconds(31)).reconnectsTotal());
    }

    @Test
    void should_forget_session_values_when_the_link_goes_down_and_signal_when_the_modem_is_silent()
            throws IOException {
        SnapshotTracker t = new SnapshotTracker("cdc-wdm0");
        t.signal(NasParsers.signalStrength(fixture("nas-get-signal-strength", "lte-all-sections")));
        t.state(LinkState.CONNECTED, "up", T0);
        t.statistics(WdsParsers.packetStatistics(fixture("wds-get-packet-statistics", "ok")));
        t.state(LinkState.DROPPED, "modem reports disconnected", T0.plusSeconds(5));
        t.modemSilent();
        t.error("Transaction timed out", T0.plusSeconds(6));
        TelemetrySnapshot s = t.snapshot(T0.plusSeconds(7));
        assertFalse(s.connected());
        assertEquals(Duration.ZERO, s.sessionUptime());
        assertNull(s.traffic().rxBytes());
        assertEquals(TelemetrySnapshot.RadioSignal.NONE, s.signal());
        assertNull(s.radio());
        assertEquals("Transaction timed out", s.lastError().message());
    }
}
