package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class TelemetrySettingsTest {

    @Test
    void should_be_off_when_no_key_is_set() {
        TelemetrySettings s = TelemetrySettings.from(Map.of("APN", "fast.metropcs.com", "MQTT_URL", " "));
        assertFalse(s.enabled());
        assertEquals(TelemetrySettings.OFF, s);
    }

    @Test
    void should_bind_loopback_when_only_a_port_is_given() {
        TelemetrySettings s = TelemetrySettings.from(Map.of("PROMETHEUS_LISTEN", "9417"));
        assertTrue(s.prometheusListen().get().getAddress().isLoopbackAddress());
        assertEquals(9417, s.prometheusListen().get().getPort());
    }

    @Test
    void should_bind_the_given_address_for_the_lan() {
        assertEquals("0.0.0.0", TelemetrySettings.listen("0.0.0.0:9417").getAddress().getHostAddress());
        assertTrue(TelemetrySettings.listen("[::1]:9417").getAddress().isLoopbackAddress());
    }

    @Test
    void should_refuse_host_names_and_bad_ports_with_one_line() {
        for (String v : new String[] {"prometheus.lan:9417", "99999", "abc", "127.0.0.1:", "1.2.3.4:9417\nX=1"}) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> TelemetrySettings.listen(v), v);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith("invalid PROMETHEUS_LISTEN"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void should_want_an_absolute_prom_file_for_node_exporter() {
        assertEquals(Path.of("/var/lib/prometheus/node-exporter/qmi-conn.prom"),
                TelemetrySettings.textfile("/var/lib/prometheus/node-exporter/qmi-conn.prom"));
        assertThrows(QmiConnException.class, () -> TelemetrySettings.textfile("qmi-conn.prom"));
        assertThrows(QmiConnException.class, () -> TelemetrySettings.textfile("/var/lib/x/qmi-conn.txt"));
    }

    @Test
    void should_map_mqtt_urls_to_pahos_form_with_default_ports() {
        assertEquals("tcp://broker.lan:1883", MqttSettings.url("mqtt://broker.lan"));
        assertEquals("ssl://broker.lan:8883", MqttSettings.url("mqtts://broker.lan"));
        assertEquals("tcp://10.1.2.3:1884", MqttSettings.url("tcp://10.1.2.3:1884"));
        assertEquals("ssl://[::1]:8883", MqttSettings.url("ssl://[::1]"));
        for (String v : new String[] {"broker.lan", "http://broker.lan", "mqtt://u:p@broker.lan", "mqtt://b/x"}) {
            assertThrows(QmiConnException.class, () -> MqttSettings.url(v), v);
        }
    }

    @Test
    void should_read_every_mqtt_key_and_default_the_prefix() {
        MqttSettings m = TelemetrySettings.from(Map.of("MQTT_URL", "mqtts://broker.lan", "MQTT_USER", "pi-7",
                "MQTT_PASS", "s3cr3t", "MQTT_TLS_CA", "/etc/qmi-conn/ca.pem", "HA_DISCOVERY", "yes")).mqtt().get();
        assertEquals("ssl://broker.lan:8883", m.url());
        assertEquals("pi-7", m.user().get());
        assertEquals("s3cr3t", m.password().get());
        assertEquals(MqttSettings.DEFAULT_PREFIX, m.topicPrefix());
        assertTrue(m.tls());
        assertTrue(m.homeAssistantDiscovery());
        assertFalse(m.toString().contains("s3cr3t"), m.toString());
    }

    @Test
    void should_refuse_settings_that_would_do_nothing_or_contradict() {
        String[][] cases = {
            {"MQTT_USER", "pi"},
            {"HA_DISCOVERY", "yes"},
            {"MQTT_URL", "mqtt://b", "MQTT_PASS", "x"},
            {"MQTT_URL", "mqtt://b", "MQTT_TLS_CA", "/ca.pem"},
            {"MQTT_URL", "mqtt://b", "MQTT_TOPIC_PREFIX", "fleet/+/x"},
            {"MQTT_URL", "mqtt://b", "MQTT_TOPIC_PREFIX", "/fleet"},
            {"MQTT_URL", "mqtt://b", "HA_DISCOVERY", "true"},
        };
        for (String[] c : cases) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i < c.length; i += 2) {
                m.put(c[i], c[i + 1]);
            }
            QmiConnException e = assertThrows(QmiConnException.class, () -> TelemetrySettings.from(m), m.toString());
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void should_list_the_password_as_its_only_secret_key() {
        assertEquals(java.util.List.of("MQTT_PASS"), TelemetrySettings.SECRET_KEYS);
        assertTrue(TelemetrySettings.KEYS.containsAll(TelemetrySettings.SECRET_KEYS));
    }
}
