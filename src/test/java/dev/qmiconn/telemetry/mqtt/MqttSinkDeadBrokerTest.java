package dev.qmiconn.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.qmiconn.telemetry.MqttSettings;
import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.telemetry.TelemetrySettings;

/** No broker at all (a loopback port nobody listens on): publishing costs nothing, the log gets one line. */
class MqttSinkDeadBrokerTest {

    @Test
    void should_never_hold_up_publish_and_log_one_line_for_many_failed_attempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MqttSettings settings = TelemetrySettings.from(Map.of("MQTT_URL", "mqtt://127.0.0.1:" + port)).mqtt().get();
        List<String> events = new CopyOnWriteArrayList<>();
        MqttSink sink = MqttSink.open(settings, "pi-7", "cdc-wdm0", events::add, Duration.ofMillis(50),
                Duration.ofMillis(100));
        long worst = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            sink.publish(Snapshots.connected());
            worst = Math.max(worst, System.nanoTime() - start);
            Thread.sleep(5);
        }
        long closeStart = System.nanoTime();
        sink.close();
        long closeMillis = (System.nanoTime() - closeStart) / 1_000_000;
        // a blocking publish would wait for the connect timeout (10 s); the bound leaves room for a busy machine
        assertTrue(worst < 50_000_000, "the slowest publish took " + worst / 1000 + " us");
        assertTrue(closeMillis < 2000, "close took " + closeMillis + " ms");
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("mqtt: cannot reach tcp://127.0.0.1:" + port + ": "), events.get(0));
    }
}
