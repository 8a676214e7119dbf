package dev.qmiconn.usage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.qmiconn.config.JsonTree;
import dev.qmiconn.config.JsonTree.BadField;

/**
 * Ledger files ({@code KEY.json}, the legacy {@code usage.json}) with Jackson's streaming core: the bytes the
 * ObjectMapper with the JavaTimeModule, ISO dates and INDENT_OUTPUT wrote, read as strictly as it read them (an
 * unknown field is damage), so the service never loads jackson-databind for them (docs/PERFORMANCE.md).
 */
final class LedgerJson {

    private static final Set<String> SIM_FIELDS = Set.of("key", "device", "capBytes", "capWarn", "resetDay", "usage");
    private static final Set<String> USAGE_FIELDS = Set.of("periodStart", "periodEnd", "txBytes", "rxBytes",
            "lastTxBytes", "lastRxBytes", "updated");

    private LedgerJson() {
    }

    static String write(SimLedger l) {
        return text(g -> {
            g.writeStartObject();
            g.writeStringField("key", l.key());
            g.writeStringField("device", l.device());
            JsonTree.numberField(g, "capBytes", l.capBytes());
            JsonTree.numberField(g, "capWarn", l.capWarn());
            g.writeNumberField("resetDay", l.resetDay());
            g.writeFieldName("usage");
            usage(g, l.usage());
            g.writeEndObject();
        });
    }

    static String write(UsageLedger u) {
        return text(g -> usage(g, u));
    }

    private static void usage(JsonGenerator g, UsageLedger u) throws IOException {
        if (u == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("periodStart", u.periodStart() == null ? null : u.periodStart().toString());
        g.writeStringField("periodEnd", u.periodEnd() == null ? null : u.periodEnd().toString());
        g.writeNumberField("txBytes", u.txBytes());
        g.writeNumberField("rxBytes", u.rxBytes());
        JsonTree.numberField(g, "lastTxBytes", u.lastTxBytes());
        JsonTree.numberField(g, "lastRxBytes", u.lastRxBytes());
        g.writeStringField("updated", u.updated() == null ? null : u.updated().toString());
        g.writeEndObject();
    }

    static SimLedger readSim(String text) throws IOException {
        try {
            Map<?, ?> o = top(text, SIM_FIELDS);
            return new SimLedger(JsonTree.string(o, "key"), JsonTree.string(o, "device"),
                    JsonTree.longOrNull(o, "capBytes"), JsonTree.integer(o, "capWarn"), primitive(o, "resetDay"),
                    usage(JsonTree.object(o, "usage")));
        } catch (BadField e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static UsageLedger readUsage(String text) throws IOException {
        try {
            return usage(top(text, USAGE_FIELDS));
        } catch (BadField e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Map<?, ?> top(String text, Set<String> fields) throws IOException {
        if (!(JsonTree.parse(text) instanceof Map<?, ?> o)) {
            throw new IOException("not a JSON object");
        }
        return known(o, fields);
    }

    private static Map<?, ?> known(Map<?, ?> o, Set<String> fields) {
        for (Object name : o.keySet()) {
            if (!fields.contains(name)) {
                throw new BadField(String.valueOf(name), "not a ledger field");
            }
        }
        return o;
    }

    private static UsageLedger usage(Map<?, ?> o) {
        if (o == null) {
            return null;
        }
        known(o, USAGE_FIELDS);
        return new UsageLedger(date(o, "periodStart"), date(o, "periodEnd"), JsonTree.number(o, "txBytes"),
                JsonTree.number(o, "rxBytes"), JsonTree.longOrNull(o, "lastTxBytes"),
                JsonTree.longOrNull(o, "lastRxBytes"), instant(o, "updated"));
    }

    /** A missing or null int is 0, as the ObjectMapper gave a primitive. */
    private static int primitive(Map<?, ?> o, String field) {
        Integer n = JsonTree.integer(o, field);
        return n == null ? 0 : n;
    }

    /** ISO {@code 2026-11-01}, or {@code [2026, 11, 1]} as the JavaTimeModule also read it. */
    private static LocalDate date(Map<?, ?> o, String field) {
        Object v = o.get(field);
        try {
            if (v == null) {
                return null;
            }
            if (v instanceof String s) {
                return LocalDate.parse(s.strip());
            }
            if (v instanceof List<?> l && l.size() == 3 && l.stream().allMatch(Integer.class::isInstance)) {
                return LocalDate.of((Integer) l.get(0), (Integer) l.get(1), (Integer) l.get(2));
            }
        } catch (DateTimeException e) {
            throw new BadField(field, "'" + v + "' is not a date: " + e.getMessage());
        }
        throw new BadField(field, "not a date");
    }

    /** ISO {@code 2026-11-30T19:30:00Z}, or whole epoch seconds as the JavaTimeModule also read them. */
    private static Instant instant(Map<?, ?> o, String field) {
        Object v = o.get(field);
        try {
            if (v == null) {
                return null;
            }
            if (v instanceof String s) {
                return Instant.parse(s.strip());
            }
            if (v instanceof Integer || v instanceof Long) {
                return Instant.ofEpochSecond(((Number) v).longValue());
            }
        } catch (DateTimeException e) {
            throw new BadField(field, "'" + v + "' is not an instant: " + e.getMessage());
        }
        throw new BadField(field, "not an instant");
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String text(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
