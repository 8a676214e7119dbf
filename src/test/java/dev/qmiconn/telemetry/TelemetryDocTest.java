package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.qmiconn.telemetry.mqtt.HaDiscovery;
import dev.qmiconn.telemetry.mqtt.StatePayload;
import dev.qmiconn.telemetry.mqtt.Topics;
import dev.qmiconn.telemetry.prometheus.PrometheusSink;

/** docs/TELEMETRY.md and the code name the same metrics, topics, fields, entities and keys. */
class TelemetryDocTest {

    private static final Path DOC = Path.of("docs", "TELEMETRY.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*)\\|", Pattern.MULTILINE);

    @Test
    void should_document_every_exposed_metric_with_its_type_and_no_other() throws IOException {
        Map<String, String> exposed = new LinkedHashMap<>();
        try (PrometheusSink sink = PrometheusSink.open(Optional.empty(), Optional.empty(), e -> { })) {
            sink.publish(Snapshots.connected());
            Matcher m = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE).matcher(sink.render());
            while (m.find()) {
                exposed.put(m.group(1), m.group(2));
            }
        }
        Map<String, String> documented = new LinkedHashMap<>();
        for (String[] row : rows("## Prometheus metrics")) {
            documented.put(row[0], row[1]);
        }
        assertEquals(new java.util.TreeMap<>(exposed), new java.util.TreeMap<>(documented));
    }

    @Test
    void should_document_the_topics_as_the_sink_builds_them() throws IOException {
        Topics t = new Topics("PREFIX", "HOST", "DEVICE");
        assertEquals(List.of(t.availability(), t.state()), column("## MQTT topics"));
    }

    @Test
    void should_document_every_field_of_the_state_payload_in_order() throws IOException {
        assertEquals(StatePayload.FIELDS, column("### State payload"));
    }

    @Test
    void should_document_every_home_assistant_entity() throws IOException {
        List<String> code = new ArrayList<>();
        for (HaDiscovery.Entity e : HaDiscovery.ENTITIES) {
            code.add(e.objectId() + " " + e.component());
        }
        List<String> doc = new ArrayList<>();
        for (String[] row : rows("### Home Assistant discovery")) {
            doc.add(row[0] + " " + row[1]);
        }
        assertEquals(code, doc);
    }

    @Test
    void should_document_every_config_key() throws IOException {
        assertEquals(TelemetrySettings.KEYS, column("## Settings"));
    }

    private static List<String> column(String heading) throws IOException {
        return rows(heading).stream().map(r -> r[0]).toList();
    }

    /** The table rows of one section whose first cell is a `name`: name and the second cell, trimmed. */
    private static List<String[]> rows(String heading) throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError(DOC + " has no section " + heading);
        }
        int end = doc.indexOf("\n#", start + heading.length() + 2);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        List<String[]> out = new ArrayList<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2).strip().replace("`", "")});
        }
        return out;
    }
}
