package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ifupdown's /etc/network/interfaces and the pitfall from the guides: {@code source-directory
 * /etc/network/interfaces.d} only reads files whose names match {@code ^[a-zA-Z0-9_-]+$} (interfaces(5)), so a
 * {@code wwan0.cfg} there is silently ignored; {@code source /etc/network/interfaces.d/*} reads every file.
 */
final class InterfacesFile {

    static final String MAIN = "/etc/network/interfaces";
    static final String DIR = "/etc/network/interfaces.d";
    private static final Pattern RUN_PARTS_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");

    private InterfacesFile() {
    }

    static Finding sourceDirectory(Probe p) {
        String id = "interfaces-source";
        if (!p.sys().exists(MAIN)) {
            return Finding.ok(id, "no " + MAIN + " (ifupdown is not in use)");
        }
        List<String> lines = directives(p.sys().read(MAIN).orElse(""));
        List<String> files = p.sys().list(DIR);
        boolean sourceDirectory = lines.stream().anyMatch(l -> l.matches("source-directory\\s+(" + DIR
                + "|interfaces\\.d)/?"));
        boolean sourceGlob = lines.stream().anyMatch(l -> l.matches("source\\s+(" + DIR
                + "|interfaces\\.d)/\\*"));
        if (files.isEmpty()) {
            return Finding.ok(id, DIR + " holds no stanzas");
        }
        if (sourceGlob) {
            return Finding.ok(id, MAIN + " sources every file in " + DIR);
        }
        if (sourceDirectory) {
            List<String> ignored = files.stream().filter(f -> !RUN_PARTS_NAME.matcher(f).matches()).toList();
            if (ignored.isEmpty()) {
                return Finding.ok(id, "source-directory " + DIR + " reads " + String.join(", ", files));
            }
            String first = ignored.get(0);
            String plain = first.replaceAll("[^a-zA-Z0-9_-].*$", "");
            String fix = plain.isEmpty()
                    ? "sudo sed -i 's|^source-directory .*interfaces.d.*|source " + DIR + "/*|' " + MAIN
                    : "sudo mv " + DIR + "/" + first + " " + DIR + "/" + plain
                            + "   (or in " + MAIN + " use: source " + DIR + "/*)";
            return Finding.warn(id, "'source-directory " + DIR + "' ignores " + String.join(", ", ignored)
                    + " (names with dots are skipped)", fix);
        }
        return Finding.warn(id, MAIN + " does not source " + DIR + ", so " + String.join(", ", files)
                + " is never read", "echo 'source " + DIR + "/*' | sudo tee -a " + MAIN);
    }

    /** Whether any stanza file says {@code iface IFACE inet dhcp}. */
    static boolean hasDhcpStanza(Probe p, String iface) {
        List<String> texts = new ArrayList<>();
        p.sys().read(MAIN).ifPresent(texts::add);
        for (String f : p.sys().list(DIR)) {
            p.sys().read(DIR + "/" + f).ifPresent(texts::add);
        }
        return texts.stream().flatMap(t -> directives(t).stream())
                .anyMatch(l -> l.matches("iface\\s+" + Pattern.quote(iface) + "\\s+inet\\s+dhcp.*"));
    }

    /** The first ifupdown file (interfaces or interfaces.d/*) with a stanza line naming {@code iface}. */
    static Optional<String> filesMentioning(Probe p, String iface) {
        List<String> files = new ArrayList<>();
        files.add(MAIN);
        p.sys().list(DIR).forEach(f -> files.add(DIR + "/" + f));
        Pattern word = Pattern.compile("(^|\\s)" + Pattern.quote(iface) + "(\\s|$)");
        for (String f : files) {
            String text = p.sys().read(f).orElse("");
            if (directives(text).stream().anyMatch(l -> (l.startsWith("iface ") || l.startsWith("auto ")
                    || l.startsWith("allow-")) && word.matcher(l).find())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Non-comment lines, trimmed, whitespace collapsed. */
    static List<String> directives(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.replaceAll("\\s+", " ")).toList();
    }
}
