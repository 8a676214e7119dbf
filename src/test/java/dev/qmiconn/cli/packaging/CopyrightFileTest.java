package dev.qmiconn.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * /usr/share/doc/qmi-conn/copyright in Debian's machine-readable format 1.0: a header, Files paragraphs each with
 * Copyright and License, and the text of every licence they name (bin/check-deb checks each bundled jar is
 * covered by a Files pattern of its own).
 */
class CopyrightFileTest {

    private static final Path FILE = Path.of("src/deb/doc/copyright");

    /** Paragraphs as field maps; continuation lines (leading space) join their field with a newline. */
    static List<Map<String, String>> paragraphs(String text) {
        List<Map<String, String>> all = new ArrayList<>();
        for (String block : text.strip().split("\n\\s*\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            String last = null;
            for (String line : block.split("\n")) {
                if (line.startsWith(" ") && last != null) {
                    fields.put(last, fields.get(last) + "\n" + line.strip());
                } else {
                    int colon = line.indexOf(':');
                    assertTrue(colon > 0, "not a field: " + line);
                    last = line.substring(0, colon);
                    assertFalse(fields.containsKey(last), "field twice: " + last);
                    fields.put(last, line.substring(colon + 1).strip());
                }
            }
            all.add(fields);
        }
        return all;
    }

    @Test
    void should_be_machine_readable_with_a_licence_text_for_every_licence_named() throws IOException {
        List<Map<String, String>> ps = paragraphs(Files.readString(FILE));

        assertEquals("https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/", ps.get(0).get("Format"));
        assertEquals("qmi-conn", ps.get(0).get("Upstream-Name"));
        List<Map<String, String>> files = ps.stream().filter(p -> p.containsKey("Files")).toList();
        assertEquals("*", files.get(0).get("Files"), "the first Files paragraph covers the whole package");
        Set<String> texts = ps.stream().filter(p -> !p.containsKey("Files") && p.containsKey("License"))
                .filter(p -> p.get("License").contains("\n"))
                .map(p -> p.get("License").lines().findFirst().orElseThrow()).collect(Collectors.toSet());
        for (Map<String, String> p : files) {
            assertTrue(p.containsKey("Copyright") && !p.get("Copyright").isBlank(), p.toString());
            String licence = p.get("License");
            assertTrue(licence != null && !licence.contains("\n"), "a short name only: " + p);
            for (String name : licence.split(" or | and ")) {
                assertTrue(texts.contains(name.strip()), "no License paragraph with the text of " + name);
            }
        }
    }
}
