package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.usage.UsageLedger;
import dev.qmiconn.usage.UsageStore;
import picocli.CommandLine;

/** docs/USAGE-JSON.md documents every field {@code usage --json} prints, and nothing else; its example too. */
class UsageJsonDocTest {

    private static final Path DOC = Path.of("docs/USAGE-JSON.md");

    @TempDir
    Path tmp;

    @Test
    void should_document_every_json_field_and_nothing_else() throws Exception {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        new UsageStore(tmp).save(new UsageLedger(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"),
                2520, 22500, 2520L, 22500L, now));
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()),
                Clock.fixed(now, ZoneOffset.UTC), Map.of()));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("usage", "--state-dir", tmp.toString(), "--ledger-dir",
                tmp.resolve("lib").toString(), "--cap", "200MB", "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        String doc = Files.readString(DOC);

        assertEquals(documented(doc), names(json), "the table under ## Fields");
        assertEquals(names(json), names(new ObjectMapper().readTree(example(doc))), "the example");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    /** First-column entries of the markdown table under {@code ## Fields}: {@code | `name` | ...}. */
    private static Set<String> documented(String doc) {
        String section = doc.substring(doc.indexOf("## Fields"));
        int next = section.indexOf("\n## ", 1);
        section = next < 0 ? section : section.substring(0, next);
        Matcher m = Pattern.compile("(?m)^\\| `([a-zA-Z]+)` \\|").matcher(section);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return new TreeSet<>(out);
    }

    private static String example(String doc) {
        int start = doc.indexOf("```json") + "```json".length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
