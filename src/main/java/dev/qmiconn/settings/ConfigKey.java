package dev.qmiconn.settings;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.DurationParser;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.telemetry.TelemetrySettings;
import dev.qmiconn.usage.BillingPeriod;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;

/**
 * The one table of keys a per-device config file (/etc/qmi-conn/DEVICE.conf) may hold: each names the command
 * line option it stands for and checks its value (the same checks the option gets). Adding a key is one line
 * here; the reader, {@code generate config} and the commands that apply the file pick it up from this table.
 */
public enum ConfigKey {
    APN("--apn", Validation::apn),
    APN_USER("--user", v -> Validation.credential("APN_USER", v)),
    APN_PASS("--password", v -> Validation.credential("APN_PASS", v)),
    AUTH("--auth", oneOf("none", "pap", "chap", "both")),
    PIN("--pin", Validation::pin),
    IP_TYPE("--ip-type", oneOf("4", "6", "4v6")),
    METHOD("--method", oneOf("qmi", "at")),
    AT_PORT("--port", v -> "auto".equals(v) ? v : Validation.device(v)),
    IFACE("--iface", v -> "auto".equals(v) ? v : Validation.iface(v)),
    BACKEND("--backend", oneOf("qmicli", "qmi-network")),
    IP_CONFIG("--ip-config", oneOf("dhcp", "static", "auto")),
    DNS("--dns", ConfigKey::dnsMode),
    PROXY("--proxy", oneOf("yes", "no")),
    TIMEOUT("--timeout", ConfigKey::duration),
    POLL("--poll", ConfigKey::duration),
    ESCALATE_AFTER("--escalate-after", v -> count(v, 1, 1000)),
    USB_RESET_AFTER("--usb-reset-after", v -> count(v, 1, 1000)),
    CAP("--cap", v -> {
        ByteSize.parse(v);
        return v;
    }),
    CAP_WARN("--cap-warn", v -> Integer.toString(DataCap.validWarnPercent(number(v)))),
    RESET_DAY("--reset-day", v -> Integer.toString(BillingPeriod.validResetDay(number(v)))),
    ROAMING("--roaming", oneOf("allow", "deny")),
    // Telemetry (docs/TELEMETRY.md): config file only, no option; the service reads them through
    // TelemetrySettings, which also checks how they combine.
    PROMETHEUS_LISTEN(null, v -> TelemetrySettings.checkKey("PROMETHEUS_LISTEN", v)),
    PROMETHEUS_TEXTFILE(null, v -> TelemetrySettings.checkKey("PROMETHEUS_TEXTFILE", v)),
    MQTT_URL(null, v -> TelemetrySettings.checkKey("MQTT_URL", v)),
    MQTT_USER(null, v -> TelemetrySettings.checkKey("MQTT_USER", v)),
    MQTT_PASS(null, v -> TelemetrySettings.checkKey("MQTT_PASS", v)),
    MQTT_TOPIC_PREFIX(null, v -> TelemetrySettings.checkKey("MQTT_TOPIC_PREFIX", v)),
    MQTT_TLS_CA(null, v -> TelemetrySettings.checkKey("MQTT_TLS_CA", v)),
    HA_DISCOVERY(null, v -> TelemetrySettings.checkKey("HA_DISCOVERY", v));

    /** Keys whose value must never be in a file others can read (nor on a long-lived argv). */
    public static final Set<ConfigKey> SECRETS = Set.of(APN_PASS, PIN, MQTT_PASS);

    private final String option;
    private final UnaryOperator<String> check;

    ConfigKey(String option, UnaryOperator<String> check) {
        this.option = option;
        this.check = check;
    }

    /**
     * The command-line option this key stands for; the option wins when both are given. Null for a key of the
     * file only (telemetry's: a broker password has no business on argv).
     */
    public String option() {
        return option;
    }

    public boolean secret() {
        return SECRETS.contains(this);
    }

    /** The value, checked as its option would be; a one-line BAD_INPUT otherwise. */
    public String check(String value) {
        return check.apply(value);
    }

    public static Optional<ConfigKey> named(String name) {
        for (ConfigKey k : values()) {
            if (k.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<ConfigKey> forOption(String option) {
        for (ConfigKey k : values()) {
            if (option != null && option.equals(k.option)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static UnaryOperator<String> oneOf(String... allowed) {
        return v -> {
            String w = v.toLowerCase(Locale.ROOT);
            if (!Set.of(allowed).contains(w)) {
                throw bad("'" + Validation.printable(v) + "' is not one of " + String.join(", ", allowed));
            }
            return w;
        };
    }

    /** The words of {@link DnsMode}, read where up's --dns reads them. */
    private static String dnsMode(String v) {
        try {
            return DnsMode.fromWord(v).word();
        } catch (IllegalArgumentException e) {
            throw bad("'" + Validation.printable(v) + "' is not one of " + DnsMode.words().replace("|", ", "));
        }
    }

    private static String duration(String v) {
        DurationParser.parse(v);
        return v;
    }

    private static String count(String v, int min, int max) {
        int n = number(v);
        if (n < min || n > max) {
            throw bad("'" + v + "' is not a number from " + min + " to " + max);
        }
        return Integer.toString(n);
    }

    private static int number(String v) {
        if (!v.matches("[0-9]{1,9}")) {
            throw bad("'" + Validation.printable(v) + "' is not a whole number");
        }
        return Integer.parseInt(v);
    }

    private static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, message);
    }
}
