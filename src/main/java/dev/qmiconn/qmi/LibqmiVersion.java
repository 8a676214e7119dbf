package dev.qmiconn.qmi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.qmi.parse.QmicliParseException;

/**
 * The libqmi version of the installed qmicli, from the first line of {@code qmicli --version}:
 * <pre>
 * qmicli 1.32.2
 * Copyright (C) 2012-2022 Aleksander Morgado
 * License GPLv2+: GNU GPL version 2 or later &lt;http://gnu.org/licenses/gpl-2.0.html&gt;
 * </pre>
 * Git builds print e.g. {@code qmicli 1.17.0-5f8b2} or {@code 1.31.1-dirty}; the suffix is kept in
 * {@code text} and ignored when comparing.
 */
public record LibqmiVersion(int major, int minor, int micro, String text) implements Comparable<LibqmiVersion> {

    private static final Pattern LINE = Pattern.compile("^qmicli\\s+((\\d+)\\.(\\d+)(?:\\.(\\d+))?\\S*)\\s*$",
            Pattern.MULTILINE);

    public static LibqmiVersion of(int major, int minor, int micro) {
        return new LibqmiVersion(major, minor, micro, major + "." + minor + "." + micro);
    }

    /** Parses the output of {@code qmicli --version}. */
    public static LibqmiVersion parse(String versionOutput) {
        Matcher m = LINE.matcher(versionOutput == null ? "" : versionOutput);
        if (!m.find()) {
            throw QmicliParseException.of("--version", "no 'qmicli X.Y.Z' line", versionOutput);
        }
        try {
            int micro = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            return new LibqmiVersion(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), micro, m.group(1));
        } catch (NumberFormatException e) {
            throw QmicliParseException.of("--version", "version number out of range", versionOutput);
        }
    }

    /** Parses a bare version such as {@code 1.16.2}. */
    public static LibqmiVersion parseBare(String version) {
        return parse("qmicli " + version);
    }

    public boolean atLeast(int maj, int min, int mic) {
        return compareTo(of(maj, min, mic)) >= 0;
    }

    public boolean below(int maj, int min, int mic) {
        return !atLeast(maj, min, mic);
    }

    @Override
    public int compareTo(LibqmiVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(micro, o.micro);
    }

    @Override
    public String toString() {
        return text;
    }
}
