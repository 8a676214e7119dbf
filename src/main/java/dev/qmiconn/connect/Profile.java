package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The guide's qmi-network profile (/etc/qmi-network.conf), read as KEY=VALUE text. qmi-network <em>sources</em>
 * this file with the shell; we never do: no expansion, no command substitution, only the keys below, with one
 * pair of matching quotes stripped. Example:
 * <pre>
 * APN=fast.metropcs.com
 * APN_USER=
 * APN_PASS=
 * IP_TYPE=4
 * PROXY=yes
 * </pre>
 */
public record Profile(Optional<String> apn, Optional<String> apnUser, Optional<String> apnPass,
                      Optional<String> ipType, boolean proxy) {

    public static final Profile EMPTY = new Profile(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false);

    /** A missing file is an empty profile (qmi-network says "Profile not found" and goes on too). */
    public static Profile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read profile " + file + ": " + e.getMessage());
        }
    }

    public static Profile parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return new Profile(nonEmpty(values.get("APN")), nonEmpty(values.get("APN_USER")),
                nonEmpty(values.get("APN_PASS")), nonEmpty(values.get("IP_TYPE")),
                "yes".equalsIgnoreCase(values.getOrDefault("PROXY", "")));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).strip() : v;
    }

    private static Optional<String> nonEmpty(String v) {
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
