package dev.qmiconn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.report.JsonSchema;

/**
 * Checks one {@code --json} output against its page in docs/: the field paths documented in the tables under
 * the page's {@code ## ... fields} headings, the paths of the page's first {@code json} example, and the paths
 * of the real output must be the same set; every name is snake_case and {@code schema_version} comes first.
 * Paths: {@code registration.mcc} for nested objects, {@code findings[].id} for objects in arrays.
 */
public final class JsonDocs {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern FIELD_ROW = Pattern.compile("(?m)^\\| ([^|]*`[^|]*) \\|");
    private static final Pattern NAME = Pattern.compile("`([a-z0-9_.\\[\\]]+)`");

    private JsonDocs() {
    }

    public static void assertDocumented(Path doc, String realOutput) {
        try {
            String text = Files.readString(doc);
            JsonNode real = new ObjectMapper().readTree(realOutput);
            assertEquals(JsonSchema.FIELD, real.fieldNames().next(), doc + ": the first field");
            assertEquals(JsonSchema.VERSION, real.get(JsonSchema.FIELD).asInt(), doc.toString());
            Set<String> actual = paths(real);
            for (String p : actual) {
                for (String part : p.replace("[]", "").split("\\.")) {
                    assertTrue(SNAKE.matcher(part).matches(), doc + ": '" + p + "' is not snake_case");
                }
            }
            assertEquals(actual, documented(text), doc + ": the field tables and the real output differ");
            assertEquals(actual, paths(new ObjectMapper().readTree(example(text))), doc + ": the example differs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path of a JSON value; an object's own path is listed too, a null or scalar is a leaf. */
    public static Set<String> paths(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String prefix, JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                collect(p, e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isObject()) {
                    collect(prefix + "[]", element, out);
                }
            }
        }
    }

    /** Backquoted names in the first column of the tables under headings that end in "fields". */
    static Set<String> documented(String doc) {
        Set<String> out = new TreeSet<>();
        for (String section : doc.split("\n(?=## )")) {
            String heading = section.lines().findFirst().orElse("").toLowerCase(java.util.Locale.ROOT);
            if (!heading.startsWith("## ") || !heading.endsWith("fields")) {
                continue;
            }
            Matcher row = FIELD_ROW.matcher(section);
            while (row.find()) {
                Matcher name = NAME.matcher(row.group(1));
                while (name.find()) {
                    out.add(name.group(1));
                }
            }
        }
        return out;
    }

    private static String example(String doc) {
        int start = doc.indexOf("```json") + "```json".length();
        return doc.substring(start, doc.indexOf("```", start));
    }
}
