package dev.qmiconn.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * README.md and docs/*.md (installed in /usr/share/doc/qmi-conn) are read by people who have only the repository
 * or only the package: no path outside the repository, no notes meant for the team, and every link between
 * them (file and #anchor) leads somewhere.
 */
class ShippedDocsTest {

    private static final String VARIABLE =
            "\\(?\\.\\.\\.\\)?|\\bN\\b|/dev/\\S*|'[^']*'|[\\w./-]*\\d[\\w./-]*";
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern INTERNAL = Pattern.compile(
            "LEAD:|(?i:\\bissues? \\d)|\\bbranch(es)? [a-z0-9-]+|shared/seeds|\\.\\./shared");

    static List<Path> docs() throws IOException {
        List<Path> all = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(all::add);
        }
        return all;
    }

    @Test
    void should_hold_no_team_notes_nor_paths_outside_the_repository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = INTERNAL.matcher(lines.get(i));
                if (m.find()) {
                    found.add(doc + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void should_link_only_to_files_and_headings_that_exist() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path doc : docs()) {
            Matcher m = LINK.matcher(withoutCode(Files.readString(doc)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
                if (!Files.isRegularFile(linked)) {
                    broken.add(doc + " -> " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(doc + " -> " + target + " (no such heading in " + linked + ")");
                }
            }
        }
        assertTrue(links > 15, "found only " + links + " links: is the pattern still right?");
        assertEquals(List.of(), broken);
    }

    @Test
    void should_keep_the_readme_layout_table_true_for_what_exists() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Layout"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> wrong = new ArrayList<>();
        Matcher first = Pattern.compile("^\\| `([^`]+)`", Pattern.MULTILINE).matcher(table);
        while (first.find()) {
            if (!Files.exists(Path.of(first.group(1)))) {
                wrong.add("listed but missing: " + first.group(1));
            }
        }
        Path base = Path.of("src/main/java/dev/qmiconn");
        try (Stream<Path> packages = Files.list(base)) {
            for (Path p : packages.filter(Files::isDirectory).sorted().toList()) {
                String name = p.getFileName().toString();
                if (!table.contains("`" + base + "/" + name + "`") && !table.contains(", `" + name + "`")) {
                    wrong.add("package without a row: " + name);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * TROUBLESHOOTING is searched by the words on the screen: each {@code qmi-conn: ...} message its headings quote
     * must be printed by the code as written there. The literal parts between {@code ...} placeholders must each be
     * in a Java source or the launcher.
     */
    @Test
    void should_quote_qmi_conns_own_messages_as_the_code_prints_them() throws IOException {
        // the launcher's echo joins its words with a space; Java joins adjacent literals with +
        StringBuilder code = new StringBuilder(Files.readString(Path.of("bin", "qmi-conn"))
                .replaceAll("\"\\s*\\\\\\n\\s*\"", " "));
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(f).replaceAll("\"\\s*\\+\\s*\"", ""));
            }
        }
        Matcher heading = Pattern.compile("^### .*$", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("docs", "TROUBLESHOOTING.md")));
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        while (heading.find()) {
            Matcher quoted = Pattern.compile("`qmi-conn: ([^`]+)`").matcher(heading.group());
            while (quoted.find()) {
                // what varies from case to case: ..., a number N, a device path, a quoted name, words with digits
                for (String part : quoted.group(1).split(VARIABLE)) {
                    String literal = part.strip();
                    if (literal.length() >= 12) {
                        checked++;
                        if (code.indexOf(literal) < 0) {
                            unknown.add(literal);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 8, "checked only " + checked);
        assertEquals(List.of(), unknown, "quoted in TROUBLESHOOTING.md, printed nowhere");
    }

    @Test
    void should_make_anchors_as_github_does() {
        assertEquals("error-couldnt-start-network-qmi-protocol-error-64-null",
                slug("`error: couldn't start network: QMI protocol error (64): '(null)'`"));
        assertEquals("5-bring-it-up-at-boot", slug("5. Bring it up at boot"));
    }

    /** GitHub's heading ids: lower case, punctuation dropped, spaces to dashes; repeats get -1, -2, ... */
    static Set<String> anchors(Path md) throws IOException {
        Set<String> ids = new HashSet<>();
        for (String line : withoutCode(Files.readString(md)).split("\n")) {
            if (line.matches("^#{1,6} .*")) {
                String base = slug(line.replaceFirst("^#+ ", ""));
                String id = base;
                for (int n = 1; !ids.add(id); n++) {
                    id = base + "-" + n;
                }
            }
        }
        return ids;
    }

    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** Fenced code blocks neither link nor make headings (a '# comment' in a shell block is not a heading). */
    private static String withoutCode(String text) {
        return text.replaceAll("(?ms)^```.*?^```", "");
    }
}
