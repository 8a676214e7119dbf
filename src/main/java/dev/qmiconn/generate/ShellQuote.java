package dev.qmiconn.generate;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Quoting for the {@code /bin/sh -c} that ifupdown 0.8 runs each {@code pre-up}/{@code post-down} line with.
 * ifupdown itself passes the text after the keyword to the shell untouched (no {@code %var%} substitution on
 * user options: checked with ifupdown 0.8.41), but it reads the file line by line, so a newline can never be
 * quoted into one line: control characters are refused. Everything else is single-quoted unless it is made of
 * characters the shell treats literally anywhere in a word.
 */
public final class ShellQuote {

    /** No globbing, expansion, redirection, separators or tilde in any position of a word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** One word that the shell turns back into exactly {@code value}. */
    public static String word(String what, String value) {
        refuseControlCharacters(what, value);
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Words joined by one space, each quoted with {@link #word}. */
    public static String words(String what, List<String> values) {
        return values.stream().map(v -> word(what, v)).collect(Collectors.joining(" "));
    }

    /**
     * A newline would end the ifupdown option line (the rest would become a new, bogus option); a carriage
     * return or other control character would be invisible in the file. Neither belongs in a modem setting.
     */
    public static void refuseControlCharacters(String what, String value) {
        if (value == null) {
            throw new QmiConnException(ExitCode.BAD_INPUT, what + " is missing");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid " + what + " '" + Validation.printable(value)
                    + "': control characters (newline, tab, ...) cannot be written into a config line");
        }
    }
}
