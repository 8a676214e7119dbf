package dev.qmiconn.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The settings of one modem from its config file: {@code KEY=value} lines, {@code #} comments and blank lines.
 * The file is never sourced by a shell, so nothing in it is expanded: a value is the text after the first
 * {@code =}, with surrounding blanks and one pair of matching quotes removed ({@code APN="x"} reads as the
 * shell would). An empty value means "not set" ({@code APN_USER=} as in qmi-network profiles). Unknown keys,
 * a key given twice and values their option would refuse are errors naming {@code file:line}.
 * <pre>
 * APN=fast.metropcs.com
 * PIN=1234
 * CAP=2GB
 * RESET_DAY=15
 * </pre>
 */
public final class DeviceConfig {

    /** A value and the line it came from. */
    public record Setting(String value, int line) {
    }

    public static final DeviceConfig EMPTY = new DeviceConfig("(none)", new EnumMap<>(ConfigKey.class));

    private final String source;
    private final Map<ConfigKey, Setting> settings;

    private DeviceConfig(String source, Map<ConfigKey, Setting> settings) {
        this.source = source;
        this.settings = Collections.unmodifiableMap(settings);
    }

    /** Parses {@code text}; {@code source} (the file name) starts every error message. */
    public static DeviceConfig parse(String text, String source) {
        Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                // the line itself is not echoed: it may be a secret typed without its key
                throw bad(source, n, "expected KEY=value");
            }
            String name = line.substring(0, eq).strip();
            ConfigKey key = ConfigKey.named(name).orElseThrow(() -> bad(source, n, "unknown key '"
                    + Validation.printable(name) + "' (known: " + String.join(", ", names()) + ")"));
            if (settings.containsKey(key)) {
                throw bad(source, n, key + " given twice (first on line " + settings.get(key).line() + ")");
            }
            String value = unquote(line.substring(eq + 1).strip());
            if (value.isEmpty()) {
                continue;
            }
            try {
                settings.put(key, new Setting(key.check(value), n));
            } catch (QmiConnException e) {
                throw bad(source, n, key + ": " + e.getMessage());
            }
        }
        return new DeviceConfig(source, settings);
    }

    public String source() {
        return source;
    }

    public Map<ConfigKey, Setting> settings() {
        return settings;
    }

    public Optional<String> get(ConfigKey key) {
        return Optional.ofNullable(settings.get(key)).map(Setting::value);
    }

    /** {@code file:line} of a key's setting, for messages about it. */
    public String where(ConfigKey key) {
        Setting s = settings.get(key);
        return s == null ? source : source + ":" + s.line();
    }

    public boolean hasSecrets() {
        return settings.keySet().stream().anyMatch(ConfigKey::secret);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String[] names() {
        ConfigKey[] keys = ConfigKey.values();
        String[] names = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            names[i] = keys[i].name();
        }
        return names;
    }

    static QmiConnException bad(String source, int line, String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, source + ":" + line + ": " + message);
    }
}
