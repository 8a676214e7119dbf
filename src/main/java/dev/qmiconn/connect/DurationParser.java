package dev.qmiconn.connect;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Reads the durations users type: {@code 30s}, {@code 2m}, {@code 1m30s}, {@code 500ms}, {@code 1h}, a bare
 * number of seconds ({@code 45}) or ISO-8601 ({@code PT30S}). Zero and negative durations are refused.
 */
public final class DurationParser {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|h|m|s))+");

    private DurationParser() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        if (t.matches("\\d{1,9}")) {
            d = Duration.ofSeconds(Long.parseLong(t));
        } else if (WHOLE.matcher(t).matches()) {
            d = Duration.ZERO;
            Matcher m = PART.matcher(t);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
            }
        } else {
            try {
                d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw bad(text);
        }
        return d;
    }

    private static QmiConnException bad(String text) {
        return new QmiConnException(ExitCode.BAD_INPUT, "invalid duration '" + dev.qmiconn.config.Validation
                .printable(text) + "': use for example 30s, 2m, 1m30s or 500ms");
    }
}
