package dev.qmiconn.telemetry;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Telemetry's keys of a device's config file, checked. Everything is off unless configured: no key, no listener,
 * no broker connection, and none of the Prometheus or MQTT classes loaded.
 * <pre>
 * PROMETHEUS_LISTEN=9417                 # 127.0.0.1:9417; HOST:PORT (an IP address) to serve the LAN
 * PROMETHEUS_TEXTFILE=/var/lib/prometheus/node-exporter/qmi-conn-cdc-wdm0.prom
 * MQTT_URL=mqtts://broker.lan            # tcp:// mqtt:// (1883), ssl:// mqtts:// (8883)
 * MQTT_USER=pi-7
 * MQTT_PASS=secret                       # the file must then be readable by root only
 * MQTT_TOPIC_PREFIX=qmi-conn             # topics PREFIX/HOST/DEVICE/...
 * MQTT_TLS_CA=/etc/qmi-conn/broker-ca.pem
 * HA_DISCOVERY=yes                       # Home Assistant MQTT discovery
 * </pre>
 */
public record TelemetrySettings(Optional<InetSocketAddress> prometheusListen, Optional<Path> prometheusTextfile,
                                Optional<MqttSettings> mqtt) {

    /** The config file keys telemetry reads; {@link #SECRET_KEYS} must stay out of readable files. */
    public static final List<String> KEYS = List.of("PROMETHEUS_LISTEN", "PROMETHEUS_TEXTFILE", "MQTT_URL",
            "MQTT_USER", "MQTT_PASS", "MQTT_TOPIC_PREFIX", "MQTT_TLS_CA", "HA_DISCOVERY");
    public static final List<String> SECRET_KEYS = List.of("MQTT_PASS");
    public static final int DEFAULT_PORT = 9417;

    public static final TelemetrySettings OFF = new TelemetrySettings(Optional.empty(), Optional.empty(),
            Optional.empty());

    /** True when at least one sink is configured. */
    public boolean enabled() {
        return prometheusListen.isPresent() || prometheusTextfile.isPresent() || mqtt.isPresent();
    }

    /** From the config file's values by key (keys absent or empty are unset); BAD_INPUT names the key. */
    public static TelemetrySettings from(Map<String, String> values) {
        Optional<InetSocketAddress> listen = value(values, "PROMETHEUS_LISTEN").map(TelemetrySettings::listen);
        Optional<Path> textfile = value(values, "PROMETHEUS_TEXTFILE").map(TelemetrySettings::textfile);
        Optional<MqttSettings> mqtt = MqttSettings.from(values);
        return new TelemetrySettings(listen, textfile, mqtt);
    }

    /**
     * One key's value checked on its own (the config file reader's per-line check); how keys combine (MQTT_PASS
     * needs MQTT_USER, ...) is checked by {@link #from}. Returns the value; BAD_INPUT otherwise.
     */
    public static String checkKey(String key, String value) {
        switch (key) {
            case "PROMETHEUS_LISTEN" -> listen(value);
            case "PROMETHEUS_TEXTFILE" -> textfile(value);
            case "MQTT_URL" -> MqttSettings.url(value);
            case "MQTT_USER", "MQTT_PASS" -> MqttSettings.text(key, value);
            case "MQTT_TOPIC_PREFIX" -> MqttSettings.prefix(value);
            case "MQTT_TLS_CA" -> MqttSettings.caFile(value);
            case "HA_DISCOVERY" -> {
                if (!value.equals("yes") && !value.equals("no")) {
                    throw bad("HA_DISCOVERY '" + Validation.printable(value) + "': expected yes or no");
                }
            }
            default -> throw new IllegalArgumentException("not a telemetry key: " + key);
        }
        return value;
    }

    static Optional<String> value(Map<String, String> values, String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * {@code PORT} binds the loopback address; {@code HOST:PORT} or {@code [V6]:PORT} binds that address. Only
     * IP literals and {@code localhost}: the listener starts while the link may be down, with no DNS to ask.
     */
    static InetSocketAddress listen(String v) {
        String host = "127.0.0.1";
        String port = v;
        int colon = v.lastIndexOf(':');
        if (colon >= 0) {
            host = v.substring(0, colon);
            port = v.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        }
        boolean literal = host.equals("localhost") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                || host.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
        if (!literal || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            throw bad("PROMETHEUS_LISTEN '" + Validation.printable(v) + "': expected PORT (loopback) or ADDRESS:PORT"
                    + " with an IP address, e.g. " + DEFAULT_PORT + " or 0.0.0.0:" + DEFAULT_PORT);
        }
        try {
            return new InetSocketAddress(java.net.InetAddress.getByName(host), Integer.parseInt(port));
        } catch (java.net.UnknownHostException e) {
            throw bad("PROMETHEUS_LISTEN '" + Validation.printable(v) + "': not an IP address");
        }
    }

    static Path textfile(String v) {
        Path p = Path.of(v);
        if (!p.isAbsolute() || !v.endsWith(".prom") || v.chars().anyMatch(c -> c < 0x20)) {
            throw bad("PROMETHEUS_TEXTFILE '" + Validation.printable(v) + "': expected an absolute path ending in"
                    + " .prom (node_exporter's textfile collector reads only those)");
        }
        return p;
    }

    static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, "invalid " + message);
    }
}
