package dev.qmiconn.connect;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.qmiconn.config.JsonTree;
import dev.qmiconn.report.JsonSchema;

/**
 * {@code status --json} with Jackson's streaming core only, as the state file and the DNS record are written
 * ({@link JsonTree}): an ObjectMapper (jackson-databind: ~560 classes, the record introspection) cost a standalone
 * status ~0.1 s of CPU for one small object. Writes exactly what an ObjectMapper with INDENT_OUTPUT writes for
 * {@link StatusReport} (its annotations stay the declaration of the names and their order: StatusJsonTest compares
 * the two byte for byte, nulls and empty lists included; docs/STATUS-JSON.md documents them).
 */
public final class StatusJson {

    private StatusJson() {
    }

    /** The indented JSON of {@code r}, without a trailing newline (the command prints it with println). */
    public static String write(StatusReport r) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField(JsonSchema.FIELD, r.schemaVersion());
            g.writeStringField("device", r.device());
            g.writeStringField("interface", r.iface());
            g.writeStringField("state", r.state());
            g.writeBooleanField("lte", r.lte());
            g.writeStringField("led", r.led());
            g.writeStringField("connection", r.connection());
            libqmi(g, r.libqmi());
            ids(g, r.ids());
            sim(g, r.sim());
            registration(g, r.registration());
            roamingGuard(g, r.roamingGuard());
            signal(g, r.signal());
            ip(g, r.ip());
            packets(g, r.packets());
            session(g, r.session());
            usage(g, r.usage());
            strings(g, "errors", r.errors());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Starts object {@code name}, or writes its null and says so. */
    private static boolean object(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
            return false;
        }
        g.writeStartObject();
        return true;
    }

    private static void libqmi(JsonGenerator g, StatusReport.Libqmi l) throws IOException {
        if (object(g, "libqmi", l)) {
            g.writeStringField("version", l.version());
            g.writeStringField("verdict", l.verdict());
            g.writeStringField("explanation", l.explanation());
            g.writeEndObject();
        }
    }

    private static void ids(JsonGenerator g, StatusReport.Ids i) throws IOException {
        if (object(g, "ids", i)) {
            g.writeStringField("imei", i.imei());
            g.writeStringField("iccid", i.iccid());
            g.writeEndObject();
        }
    }

    private static void sim(JsonGenerator g, StatusReport.Sim s) throws IOException {
        if (object(g, "sim", s)) {
            g.writeBooleanField("present", s.present());
            g.writeStringField("pin1_state", s.pin1State());
            g.writeNumberField("pin1_retries", s.pin1Retries());
            g.writeNumberField("puk1_retries", s.puk1Retries());
            g.writeEndObject();
        }
    }

    private static void registration(JsonGenerator g, StatusReport.Registration r) throws IOException {
        if (object(g, "registration", r)) {
            g.writeStringField("state", r.state());
            strings(g, "radio", r.radio());
            g.writeStringField("mcc", r.mcc());
            g.writeStringField("mnc", r.mnc());
            g.writeStringField("operator", r.operator());
            bool(g, "roaming", r.roaming());
            bool(g, "ps_attached", r.psAttached());
            g.writeEndObject();
        }
    }

    private static void roamingGuard(JsonGenerator g, StatusReport.RoamingGuard r) throws IOException {
        if (object(g, "roaming_guard", r)) {
            g.writeStringField("network", r.network());
            g.writeStringField("policy", r.policy());
            g.writeStringField("decision", r.decision());
            g.writeEndObject();
        }
    }

    private static void signal(JsonGenerator g, StatusReport.SignalView s) throws IOException {
        if (object(g, "signal", s)) {
            g.writeStringField("network", s.network());
            number(g, "rssi_dbm", s.rssi());
            number(g, "rsrp_dbm", s.rsrp());
            number(g, "rsrq_db", s.rsrq());
            number(g, "snr_db", s.snr());
            g.writeNumberField("bars", s.bars());
            g.writeEndObject();
        }
    }

    private static void ip(JsonGenerator g, StatusReport.Ip i) throws IOException {
        if (object(g, "ip", i)) {
            g.writeStringField("source", i.source());
            g.writeStringField("address", i.address());
            number(g, "prefix", i.prefix());
            g.writeStringField("gateway", i.gateway());
            strings(g, "dns", i.dns());
            number(g, "mtu", i.mtu());
            g.writeStringField("ipv6_address", i.ipv6Address());
            number(g, "ipv6_prefix", i.ipv6Prefix());
            g.writeStringField("dns_backend", i.dnsBackend());
            g.writeStringField("dns_held_by", i.dnsHeldBy());
            g.writeEndObject();
        }
    }

    private static void packets(JsonGenerator g, StatusReport.Packets p) throws IOException {
        if (object(g, "packets", p)) {
            number(g, "tx_packets", p.txPackets());
            number(g, "rx_packets", p.rxPackets());
            number(g, "tx_bytes", p.txBytes());
            number(g, "rx_bytes", p.rxBytes());
            number(g, "tx_errors", p.txErrors());
            number(g, "rx_errors", p.rxErrors());
            number(g, "tx_dropped", p.txDropped());
            number(g, "rx_dropped", p.rxDropped());
            g.writeEndObject();
        }
    }

    private static void session(JsonGenerator g, StatusReport.Session s) throws IOException {
        if (object(g, "session", s)) {
            g.writeStringField("backend", s.backend());
            numbers(g, "cids", s.cids());
            numbers(g, "packet_data_handles", s.handles());
            g.writeStringField("started_at", s.startedAt());
            number(g, "uptime_seconds", s.uptimeSeconds());
            g.writeEndObject();
        }
    }

    private static void usage(JsonGenerator g, StatusReport.Usage u) throws IOException {
        if (object(g, "usage", u)) {
            g.writeStringField("ledger", u.ledger());
            g.writeStringField("period_end", u.periodEnd());
            g.writeNumberField("used_bytes", u.usedBytes());
            number(g, "cap_bytes", u.capBytes());
            number(g, "remaining_bytes", u.remainingBytes());
            g.writeEndObject();
        }
    }

    private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeBoolean(value);
        }
    }

    /** An Integer, Long or Double as the mapper's serializer for that type writes it; null as null. */
    private static void number(JsonGenerator g, String name, Number value) throws IOException {
        g.writeFieldName(name);
        number(g, value);
    }

    private static void number(JsonGenerator g, Number value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Integer i) {
            g.writeNumber(i.intValue());
        } else if (value instanceof Long l) {
            g.writeNumber(l.longValue());
        } else if (value instanceof Double d) {
            g.writeNumber(d.doubleValue());
        } else {
            throw new IllegalArgumentException("no JSON number for " + value.getClass().getName());
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, String name, List<? extends Number> values) throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (Number v : values) {
            number(g, v);
        }
        g.writeEndArray();
    }
}
