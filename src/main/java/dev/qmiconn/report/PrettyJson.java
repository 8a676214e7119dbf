package dev.qmiconn.report;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The indented JSON of {@code status --json} and {@code usage --json}. One mapper per JVM, made when the first
 * report is printed (this class is initialised only then, so {@code --help} and the other commands never load
 * Jackson). The service answers many reports in one JVM: a mapper of its own per answer re-introspected the
 * report's records every time, ~60 ms of an interpreted {@code status --json} (docs/PERFORMANCE.md).
 */
public final class PrettyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrettyJson() {
    }

    /**
     * Makes the mapper and its serializer for {@code type} now: a command calls this on a background thread
     * ({@link Warmup}) while it waits for the modem, so the print at its end does not pay for it.
     */
    public static void prepare(Class<?> type) {
        MAPPER.canSerialize(type);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
