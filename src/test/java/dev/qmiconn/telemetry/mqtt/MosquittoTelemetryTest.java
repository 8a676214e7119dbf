package dev.qmiconn.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.telemetry.MqttSettings;
import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.telemetry.TelemetrySnapshot;
import dev.qmiconn.telemetry.TelemetrySettings;
import dev.qmiconn.testing.RealTools;

/** The MQTT sink against Debian's real mosquitto on loopback, read back with the real mosquitto_sub. */
@RealTools({"mosquitto", "mosquitto_sub"})
class MosquittoTelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "fleet/test";
    private static final String BASE = PREFIX + "/pi-7/cdc-wdm0";

    @TempDir
    Path dir;

    private static MqttSink open(Mosquitto broker, Map<String, String> extra, List<String> events) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("MQTT_URL", "mqtt://127.0.0.1:" + broker.port(),
                "MQTT_TOPIC_PREFIX", PREFIX));
        config.putAll(extra);
        MqttSettings s = TelemetrySettings.from(config).mqtt().orElseThrow();
        return MqttSink.open(s, "pi-7", "cdc-wdm0", events::add, Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    @Test
    void should_hold_snapshots_of_an_unchanged_state_until_the_period_is_due() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (Mosquitto broker = Mosquitto.plain(dir);
             MqttSink sink = MqttSink.open(TelemetrySettings.from(Map.of("MQTT_URL", "mqtt://127.0.0.1:"
                     + broker.port(), "MQTT_TOPIC_PREFIX", PREFIX)).mqtt().orElseThrow(), "pi-7", "cdc-wdm0",
                     events::add, Duration.ofMillis(100), Duration.ofSeconds(1), MqttSink.CLOSE_BOUND,
                     Duration.ofSeconds(3))) {
            sink.publish(Snapshots.connected());
            assertEquals(-95.0, awaitState(broker, "connected").get("rsrp_dbm").asDouble());
            long published = System.nanoTime();
            TelemetrySnapshot c = Snapshots.connected();
            sink.publish(new TelemetrySnapshot(c.at().plusSeconds(1), c.device(), c.simId(), c.operator(), c.state(),
                    c.detail(), c.registration(), c.radio(), new TelemetrySnapshot.RadioSignal(-60.0, -80.0, -7.0,
                    20.0), c.traffic(), c.reconnects(), c.sessionStart(), c.usage(), c.lastError()));
            Thread.sleep(500);
            double held = JSON.readTree(broker.retained(BASE + "/state", 2)).get("rsrp_dbm").asDouble();
            if (System.nanoTime() - published < 2_500_000_000L) { // still inside the period on a loaded machine
                assertEquals(-95.0, held, "the same state is not published again before the period");
            }
            long end = System.nanoTime() + 15_000_000_000L;
            double now = held;
            while (System.nanoTime() < end && now != -80.0) {
                now = JSON.readTree(broker.retained(BASE + "/state", 2)).get("rsrp_dbm").asDouble();
                Thread.sleep(200);
            }
            assertEquals(-80.0, now, "the newest held snapshot goes out when the period is due");
        }
    }

    private static JsonNode awaitState(Mosquitto broker, String stateWord, String... options) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        String last = "";
        while (System.nanoTime() < end) {
            last = broker.retained(BASE + "/state", 2, options);
            if (!last.isEmpty() && JSON.readTree(last).get("state").asText().equals(stateWord)) {
                return JSON.readTree(last);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("retained state never became " + stateWord + "; last: " + last);
    }

    @Test
    void should_retain_the_latest_state_online_and_the_discovery_configs_for_late_subscribers() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (Mosquitto broker = Mosquitto.plain(dir);
             MqttSink sink = open(broker, Map.of("HA_DISCOVERY", "yes"), events)) {
            sink.publish(Snapshots.connected());
            sink.publish(Snapshots.linkDown());
            JsonNode state = awaitState(broker, "waiting");
            assertEquals(false, state.get("connected").asBoolean());
            assertTrue(state.get("rsrp_dbm").isNull(), "no signal while the link is down: " + state);
            assertEquals("online", broker.retained(BASE + "/availability", 5));
            List<String> configs = broker.receive("homeassistant/#", HaDiscovery.ENTITIES.size(), 10);
            assertEquals(HaDiscovery.ENTITIES.size(), configs.size(), configs.toString());
            String rsrp = configs.stream().filter(l -> l.startsWith(
                    "homeassistant/sensor/qmi-conn_pi-7_cdc-wdm0/rsrp/config ")).findFirst().orElseThrow();
            JsonNode config = JSON.readTree(rsrp.substring(rsrp.indexOf(' ') + 1));
            assertEquals(BASE + "/state", config.get("state_topic").asText());
            assertEquals(BASE + "/availability", config.get("availability_topic").asText());
            assertEquals(List.of("mqtt: connected to tcp://127.0.0.1:" + broker.port() + " as qmi-conn_pi-7_cdc-wdm0"),
                    events);
        }
    }

    @Test
    void should_leave_offline_as_last_will_when_the_service_dies() throws Exception {
        try (Mosquitto broker = Mosquitto.plain(dir)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try (BackgroundProcess service = Mosquitto.RUN.start(CommandSpec.of(java, "-cp",
                    System.getProperty("java.class.path"), MqttSinkMain.class.getName(),
                    "mqtt://127.0.0.1:" + broker.port(), PREFIX))) {
                awaitState(broker, "connected");
                assertEquals("online", broker.retained(BASE + "/availability", 5));
                ProcessHandle.of(service.pid()).orElseThrow().destroyForcibly();
                assertTrue(service.waitFor(Duration.ofSeconds(10)).isPresent());
            }
            long end = System.nanoTime() + 15_000_000_000L;
            String availability = "";
            while (System.nanoTime() < end && !availability.equals("offline")) {
                availability = broker.retained(BASE + "/availability", 2);
            }
            assertEquals("offline", availability);
        }
    }

    @Test
    void should_log_one_line_per_change_and_republish_after_the_broker_restarts() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (Mosquitto broker = Mosquitto.plain(dir); MqttSink sink = open(broker, Map.of(), events)) {
            sink.publish(Snapshots.connected());
            awaitState(broker, "connected");
            broker.stop();
            long worst = 0;
            for (int i = 0; i < 30; i++) {
                long t = System.nanoTime();
                sink.publish(i < 29 ? Snapshots.connected() : Snapshots.linkDown());
                worst = Math.max(worst, System.nanoTime() - t);
                Thread.sleep(100);
            }
            assertTrue(worst < 1_000_000_000L, "publish waited " + worst / 1_000_000 + " ms with the broker down");
            broker.start();
            JsonNode state = awaitState(broker, "waiting");
            assertEquals("CallFailed: no-service", state.get("last_error").asText());
            assertEquals("online", broker.retained(BASE + "/availability", 5));
            String url = "tcp://127.0.0.1:" + broker.port();
            assertEquals(List.of("mqtt: connected to " + url + " as qmi-conn_pi-7_cdc-wdm0",
                    "mqtt: lost " + url + "; reconnecting with backoff up to 1 s",
                    "mqtt: connected to " + url + " as qmi-conn_pi-7_cdc-wdm0"), events);
        }
    }
}
