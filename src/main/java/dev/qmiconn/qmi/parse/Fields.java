package dev.qmiconn.qmi.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading qmicli's {@code Label: 'value'} lines. qmicli quotes most values in single quotes but not all
 * ({@code IPv4 address: 10.0.0.2}, {@code QoS flow header: no}, 1.16's unclosed {@code Card state: 'error: ...});
 * {@link #value} accepts both.
 */
final class Fields {

    private Fields() {
    }

    /** The text after {@code label:} on the first line that has it, without surrounding quotes. */
    static Optional<String> value(String text, String label) {
        Matcher m = Pattern.compile("^[ \\t]*" + Pattern.quote(label) + ":[ \\t]*(.*?)[ \\t]*$", Pattern.MULTILINE)
                .matcher(text);
        return m.find() ? Optional.of(unquote(m.group(1))) : Optional.empty();
    }

    static String require(String action, String text, String label) {
        return value(text, label).orElseThrow(() -> QmicliParseException.of(action, "no '" + label + "' line", text));
    }

    static String unquote(String v) {
        String s = v.strip();
        if (s.startsWith("'")) {
            s = s.substring(1);
            if (s.endsWith("'")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** Fails unless qmicli's success header ({@code [/dev/cdc-wdm0] Device IDs retrieved:}) is there. */
    static void requireHeader(String action, String text, String header) {
        if (text == null || !Pattern.compile("^\\[[^\\]]*\\] " + Pattern.quote(header), Pattern.MULTILINE)
                .matcher(text).find()) {
            throw QmicliParseException.of(action, "no '[device] " + header + "' header", text);
        }
    }

    static Long toLong(String action, String text, String v) {
        try {
            return Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw QmicliParseException.of(action, "'" + v + "' is not a number", text);
        }
    }

    static Integer toInt(String action, String text, String v) {
        long l = toLong(action, text, v);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw QmicliParseException.of(action, "'" + v + "' is out of range", text);
        }
        return (int) l;
    }

    static double toDouble(String action, String text, String v) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw QmicliParseException.of(action, "'" + v + "' is not a number", text);
        }
    }

    static Optional<Long> longValue(String action, String text, String label) {
        return value(text, label).map(v -> toLong(action, text, v));
    }

    static Optional<Integer> intValue(String action, String text, String label) {
        return value(text, label).map(v -> toInt(action, text, v));
    }

    /** The lines of {@code text}, never null. */
    static List<String> lines(String text) {
        return text == null ? List.of() : new ArrayList<>(List.of(text.split("\\R")));
    }

    /** The number of leading tabs (qmicli indents nested blocks with tabs). */
    static int depth(String line) {
        int d = 0;
        while (d < line.length() && line.charAt(d) == '\t') {
            d++;
        }
        return d;
    }

    static String nullIfUnknown(String v) {
        return v == null || v.equals("unknown") ? null : v;
    }
}
