package dev.qmiconn.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.qmiconn.report.JsonSchema;

/**
 * The report for scripts ({@code --json}). The field names live here and only here (snake_case, as every
 * qmi-conn JSON: {@link JsonSchema}); docs/DOCTOR-JSON.md documents them and a test keeps the two equal.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(DoctorReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put(JsonSchema.FIELD, JsonSchema.VERSION);
        root.put("root", report.root());
        root.put("worst", report.worst().word());
        root.put("exit_code", report.worst().exitCode().code());
        ObjectNode counts = root.putObject("counts");
        for (Result r : Result.values()) {
            counts.put(r.word(), report.count(r));
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("id", f.id());
            n.put("result", f.result().word());
            n.put("why", f.why());
            n.put("fix", f.fix());
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the doctor report as JSON", e);
        }
    }
}
