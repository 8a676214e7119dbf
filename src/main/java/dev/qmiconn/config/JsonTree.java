package dev.qmiconn.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The program's own JSON files (session state, DNS record, usage ledgers) with Jackson's streaming core only: an
 * ObjectMapper costs 0.1-0.3 s to build and introspect in a short command, and its ~560 classes stay resident in
 * the service for good (~4 MB, docs/PERFORMANCE.md). Reads as leniently as the ObjectMapper did (unknown fields
 * ignored, a number may come as a string, a missing number is 0 where a primitive took it); writers use
 * {@link #FACTORY} with the default pretty printer, which is what INDENT_OUTPUT wrote.
 */
public final class JsonTree {

    public static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** The parsed JSON value: Map (insertion order), List, String, Number, Boolean or null. */
    public static Object parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            return value(p); // what follows the value is not read, as ObjectMapper.readTree did not
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
        }
    }

    /** A field that is there but of the wrong kind; its message is the damage reason. */
    public static final class BadField extends RuntimeException {
        public BadField(String field, String what) {
            super("field '" + field + "': " + what);
        }
    }

    public static Map<?, ?> object(Map<?, ?> o, String field) {
        Object v = o.get(field);
        if (v == null || v instanceof Map) {
            return (Map<?, ?>) v;
        }
        throw new BadField(field, "not an object");
    }

    public static List<Map<?, ?>> objects(Map<?, ?> o, String field) {
        Object v = o.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new BadField(field, "not a list");
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object e : l) {
            if (!(e instanceof Map<?, ?> m)) {
                throw new BadField(field, "an entry is not an object");
            }
            out.add(m);
        }
        return out;
    }

    public static List<String> strings(Map<?, ?> o, String field) {
        Object v = o.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            throw new BadField(field, "not a list");
        }
        List<String> out = new ArrayList<>();
        for (Object e : l) {
            out.add(e == null ? null : e.toString());
        }
        return out;
    }

    public static String string(Map<?, ?> o, String field) {
        Object v = o.get(field);
        if (v instanceof Map || v instanceof List) {
            throw new BadField(field, "not a string");
        }
        return v == null ? null : v.toString();
    }

    public static boolean bool(Map<?, ?> o, String field) {
        Object v = o.get(field);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean((String) v);
        }
        throw new BadField(field, "not true or false");
    }

    /** A missing or null number is 0, as Jackson gave a primitive. */
    public static long number(Map<?, ?> o, String field) {
        Long n = longOrNull(o, field);
        return n == null ? 0 : n;
    }

    public static Integer integer(Map<?, ?> o, String field) {
        Long n = longOrNull(o, field);
        if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw new BadField(field, n + " is out of range");
        }
        return n == null ? null : n.intValue();
    }

    public static Long longOrNull(Map<?, ?> o, String field) {
        Object v = o.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof java.math.BigDecimal)) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new BadField(field, "'" + s + "' is not a whole number");
            }
        }
        throw new BadField(field, "not a whole number");
    }

    /**
     * A nullable number as a field, as the ObjectMapper's serializer for its type writes it (Integer, Long,
     * Double); null as null, as it wrote a boxed one.
     */
    public static void numberField(JsonGenerator g, String name, Number value) throws IOException {
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

    /** A nullable Boolean as a field. */
    public static void boolField(JsonGenerator g, String name, Boolean value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeBoolean(value);
        }
    }

    /** A nullable list of strings as a field. */
    public static void stringsField(JsonGenerator g, String name, List<String> values) throws IOException {
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

    /** A nullable list of numbers as a field, each as {@link #numberField} writes it. */
    public static void numbersField(JsonGenerator g, String name, List<? extends Number> values) throws IOException {
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
