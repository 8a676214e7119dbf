package dev.qmiconn.usage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * A byte count as people and carriers write it. Carriers bill in decimal units (FreedomPOP's "200MB" is
 * 200,000,000 bytes), so {@code KB/MB/GB} are powers of 1000 and {@code KiB/MiB/GiB} powers of 1024.
 */
public record ByteSize(long bytes) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)?\\s*",
            Pattern.CASE_INSENSITIVE);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte size " + bytes);
        }
    }

    public static ByteSize parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new QmiConnException(ExitCode.BAD_INPUT,
                    "invalid size '" + text + "': use a number with B, KB, MB, GB (decimal) or KiB, MiB, GiB");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "B" -> 1L;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            case "TIB" -> 1L << 40;
            default -> throw new IllegalStateException(unit);
        };
        return new ByteSize(Math.round(number * multiplier));
    }

    /** Human form in decimal units with one decimal, e.g. {@code 123.4 MB}. */
    public String human() {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int i = 0;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return i == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
