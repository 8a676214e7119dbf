package dev.qmiconn.telemetry.mqtt;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.qmiconn.telemetry.ReconnectReason;
import dev.qmiconn.telemetry.TelemetrySnapshot;

/**
 * The JSON of the retained {@code state} topic. Every field is always there, null when unknown (Home Assistant
 * shows null as "unknown"); the field names are listed in {@link #FIELDS} and docs/TELEMETRY.md.
 */
public final class StatePayload {

    public static final List<String> FIELDS = List.of("state", "connected", "detail", "at", "host", "device", "sim",
            "operator", "registration", "radio", "rssi_dbm", "rsrp_dbm", "rsrq_db", "snr_db", "tx_bytes", "rx_bytes",
            "tx_packets", "rx_packets", "session_uptime_s", "reconnects", "reconnect_reasons", "usage_bytes",
            "cap_bytes", "period_start", "period_end", "last_error", "last_error_at");

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatePayload() {
    }

    public static String render(TelemetrySnapshot s, String host) {
        ObjectNode o = JSON.createObjectNode();
        o.put("state", s.state().word());
        o.put("connected", s.connected());
        o.put("detail", s.detail());
        o.put("at", s.at().toString());
        o.put("host", host);
        o.put("device", s.device());
        o.put("sim", s.simId());
        o.put("operator", s.operator().isEmpty() ? null : s.operator());
        o.put("registration", s.registration() == null ? null : s.registration().qmicli());
        o.put("radio", s.radio() == null ? null : s.radio().qmicli());
        o.put("rssi_dbm", s.signal().rssiDbm());
        o.put("rsrp_dbm", s.signal().rsrpDbm());
        o.put("rsrq_db", s.signal().rsrqDb());
        o.put("snr_db", s.signal().snrDb());
        o.put("tx_bytes", s.traffic().txBytes());
        o.put("rx_bytes", s.traffic().rxBytes());
        o.put("tx_packets", s.traffic().txPackets());
        o.put("rx_packets", s.traffic().rxPackets());
        o.put("session_uptime_s", s.sessionUptime().toSeconds());
        o.put("reconnects", s.reconnectsTotal());
        ObjectNode reasons = o.putObject("reconnect_reasons");
        for (ReconnectReason r : ReconnectReason.values()) {
            reasons.put(r.word(), s.reconnects().getOrDefault(r, 0L));
        }
        TelemetrySnapshot.Usage u = s.usage();
        o.put("usage_bytes", u == null ? null : u.usedBytes());
        o.put("cap_bytes", u == null ? null : u.capBytes());
        o.put("period_start", u == null || u.periodStart() == null ? null : u.periodStart().toString());
        o.put("period_end", u == null || u.periodEnd() == null ? null : u.periodEnd().toString());
        o.put("last_error", s.lastError() == null ? null : s.lastError().message());
        o.put("last_error_at", s.lastError() == null ? null : s.lastError().at().toString());
        return o.toString();
    }
}
