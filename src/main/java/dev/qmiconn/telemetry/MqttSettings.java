package dev.qmiconn.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.config.Validation;

/**
 * The broker and how to talk to it. {@code url} is in Paho's form ({@code tcp://host:1883} or
 * {@code ssl://host:8883}); {@code mqtt://} and {@code mqtts://} are accepted and mapped to those.
 */
public record MqttSettings(String url, Optional<String> user, Optional<String> password, String topicPrefix,
                           Optional<Path> tlsCa, boolean homeAssistantDiscovery) {

    public static final String DEFAULT_PREFIX = "qmi-conn";

    @Override
    public String toString() {
        // never the password: settings end up in debug lines
        return "MqttSettings[url=" + url + ", user=" + user.orElse("") + ", prefix=" + topicPrefix + ", tlsCa="
                + tlsCa.map(Path::toString).orElse("") + ", ha=" + homeAssistantDiscovery + "]";
    }

    public boolean tls() {
        return url.startsWith("ssl://");
    }

    static Optional<MqttSettings> from(Map<String, String> values) {
        Optional<String> url = TelemetrySettings.value(values, "MQTT_URL");
        if (url.isEmpty()) {
            for (String k : new String[] {"MQTT_USER", "MQTT_PASS", "MQTT_TOPIC_PREFIX", "MQTT_TLS_CA"}) {
                if (TelemetrySettings.value(values, k).isPresent()) {
                    throw TelemetrySettings.bad(k + ": set MQTT_URL too (it has no effect without a broker)");
                }
            }
            if (TelemetrySettings.value(values, "HA_DISCOVERY").filter("yes"::equals).isPresent()) {
                throw TelemetrySettings.bad("HA_DISCOVERY: Home Assistant discovery needs MQTT_URL");
            }
            return Optional.empty();
        }
        String paho = url(url.get());
        Optional<String> user = TelemetrySettings.value(values, "MQTT_USER").map(v -> text("MQTT_USER", v));
        Optional<String> pass = TelemetrySettings.value(values, "MQTT_PASS").map(v -> text("MQTT_PASS", v));
        if (pass.isPresent() && user.isEmpty()) {
            throw TelemetrySettings.bad("MQTT_PASS: set MQTT_USER too");
        }
        String prefix = TelemetrySettings.value(values, "MQTT_TOPIC_PREFIX").map(MqttSettings::prefix)
                .orElse(DEFAULT_PREFIX);
        Optional<Path> ca = TelemetrySettings.value(values, "MQTT_TLS_CA").map(MqttSettings::caFile);
        if (ca.isPresent() && !paho.startsWith("ssl://")) {
            throw TelemetrySettings.bad("MQTT_TLS_CA: the broker URL is not TLS (use mqtts:// or ssl://)");
        }
        String ha = TelemetrySettings.value(values, "HA_DISCOVERY").orElse("no");
        if (!ha.equals("yes") && !ha.equals("no")) {
            throw TelemetrySettings.bad("HA_DISCOVERY '" + Validation.printable(ha) + "': expected yes or no");
        }
        return Optional.of(new MqttSettings(paho, user, pass, prefix, ca, ha.equals("yes")));
    }

    static String url(String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null ? null : uri.getScheme();
        String host = uri == null ? null : uri.getHost();
        boolean bare = uri != null && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                && uri.getUserInfo() == null && uri.getQuery() == null;
        if (scheme == null || host == null || !bare) {
            throw TelemetrySettings.bad("MQTT_URL '" + Validation.printable(v) + "': expected mqtt://HOST[:PORT] or"
                    + " mqtts://HOST[:PORT] (user and password go in MQTT_USER and MQTT_PASS)");
        }
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "mqtts" -> true;
            default -> throw TelemetrySettings.bad("MQTT_URL '" + Validation.printable(v)
                    + "': scheme must be mqtt, mqtts, tcp or ssl");
        };
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
        return (tls ? "ssl://" : "tcp://") + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port;
    }

    /** Topic levels: no wildcards ('+', '#'), no empty level, no NUL; MQTT forbids them in a publish topic. */
    static String prefix(String v) {
        if (v.startsWith("/") || v.endsWith("/") || v.contains("//") || v.length() > 100
                || v.chars().anyMatch(c -> c == '+' || c == '#' || c < 0x20 || c == 0x7f)) {
            throw TelemetrySettings.bad("MQTT_TOPIC_PREFIX '" + Validation.printable(v) + "': topic levels separated"
                    + " by '/', without '+', '#', empty levels or control characters");
        }
        return v;
    }

    static String text(String key, String v) {
        if (v.length() > 255 || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw TelemetrySettings.bad(key + ": at most 255 characters, no control characters");
        }
        return v;
    }

    static Path caFile(String v) {
        Path p = Path.of(v);
        if (!p.isAbsolute()) {
            throw TelemetrySettings.bad("MQTT_TLS_CA '" + Validation.printable(v) + "': expected an absolute path to"
                    + " a PEM file of CA certificates");
        }
        return p;
    }
}
