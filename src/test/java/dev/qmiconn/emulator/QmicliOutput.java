package dev.qmiconn.emulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single values out of qmicli output for assertions (the project's parsers are tested elsewhere). */
final class QmicliOutput {

    private QmicliOutput() {
    }

    /** The value of {@code Name: 'value'}. */
    static String quoted(String out, String name) {
        Matcher m = Pattern.compile("(?m)(?:^|\\s)" + Pattern.quote(name) + ": '([^']*)'").matcher(out);
        assertTrue(m.find(), () -> "no " + name + " in:\n" + out);
        return m.group(1);
    }

    /** The value of {@code Name: value} (current settings and statistics print no quotes). */
    static String plain(String out, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + ": (.*)$").matcher(out);
        assertTrue(m.find(), () -> "no " + name + " in:\n" + out);
        return m.group(1).strip();
    }
}
