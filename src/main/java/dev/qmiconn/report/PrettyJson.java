package dev.qmiconn.report;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The indented JSON of {@code usage --json} ({@code status --json} is connect's StatusJson, streaming only). One
 * mapper per JVM, made when the first report is printed (this class is initialised only then, so {@code --help}
 * and the other commands never load Jackson's databind). The service answers many reports in one JVM: a mapper of its own per answer re-introspected the
 * report's records every time, ~60 ms of an interpreted {@code status --json} (docs/PERFORMANCE.md).
 */
public final class PrettyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrettyJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
