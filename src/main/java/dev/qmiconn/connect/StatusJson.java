package dev.qmiconn.connect;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.qmiconn.config.JsonTree;
import dev.qmiconn.report.JsonSchema;

import static dev.qmiconn.config.JsonTree.boolField;
import static dev.qmiconn.config.JsonTree.numberField;
import static dev.qmiconn.config.JsonTree.numbersField;
import static dev.qmiconn.config.JsonTree.stringsField;

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
            stringsField(g, "errors", r.errors());
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
            stringsField(g, "radio", r.radio());
            g.writeStringField("mcc", r.mcc());
            g.writeStringField("mnc", r.mnc());
            g.writeStringField("operator", r.operator());
            boolField(g, "roaming", r.roaming());
            boolField(g, "ps_attached", r.psAttached());
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
            numberField(g, "rssi_dbm", s.rssi());
            numberField(g, "rsrp_dbm", s.rsrp());
            numberField(g, "rsrq_db", s.rsrq());
            numberField(g, "snr_db", s.snr());
            g.writeNumberField("bars", s.bars());
            g.writeEndObject();
        }
    }

    private static void ip(JsonGenerator g, StatusReport.Ip i) throws IOException {
        if (object(g, "ip", i)) {
            g.writeStringField("source", i.source());
            g.writeStringField("address", i.address());
            numberField(g, "prefix", i.prefix());
            g.writeStringField("gateway", i.gateway());
            stringsField(g, "dns", i.dns());
            numberField(g, "mtu", i.mtu());
            g.writeStringField("ipv6_address", i.ipv6Address());
            numberField(g, "ipv6_prefix", i.ipv6Prefix());
            g.writeStringField("dns_backend", i.dnsBackend());
            g.writeStringField("dns_held_by", i.dnsHeldBy());
            g.writeEndObject();
        }
    }

    private static void packets(JsonGenerator g, StatusReport.Packets p) throws IOException {
        if (object(g, "packets", p)) {
            numberField(g, "tx_packets", p.txPackets());
            numberField(g, "rx_packets", p.rxPackets());
            numberField(g, "tx_bytes", p.txBytes());
            numberField(g, "rx_bytes", p.rxBytes());
            numberField(g, "tx_errors", p.txErrors());
            numberField(g, "rx_errors", p.rxErrors());
            numberField(g, "tx_dropped", p.txDropped());
            numberField(g, "rx_dropped", p.rxDropped());
            g.writeEndObject();
        }
    }

    private static void session(JsonGenerator g, StatusReport.Session s) throws IOException {
        if (object(g, "session", s)) {
            g.writeStringField("backend", s.backend());
            numbersField(g, "cids", s.cids());
            numbersField(g, "packet_data_handles", s.handles());
            g.writeStringField("started_at", s.startedAt());
            numberField(g, "uptime_seconds", s.uptimeSeconds());
            g.writeEndObject();
        }
    }

    private static void usage(JsonGenerator g, StatusReport.Usage u) throws IOException {
        if (object(g, "usage", u)) {
            g.writeStringField("ledger", u.ledger());
            g.writeStringField("period_end", u.periodEnd());
            g.writeNumberField("used_bytes", u.usedBytes());
            numberField(g, "cap_bytes", u.capBytes());
            numberField(g, "remaining_bytes", u.remainingBytes());
            g.writeEndObject();
        }
    }
}
