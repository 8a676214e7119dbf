package dev.qmiconn.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.qmiconn.telemetry.MqttSettings;
import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.telemetry.TelemetrySettings;

/** Brokers that are not there, or that hang: publishing costs nothing, the log gets one line per change. */
class MqttSinkDeadBrokerTest {

    private static MqttSettings broker(int port) {
        return TelemetrySettings.from(Map.of("MQTT_URL", "mqtt://127.0.0.1:" + port)).mqtt().orElseThrow();
    }

    @Test
    void should_log_one_line_for_many_refused_attempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> events = new CopyOnWriteArrayList<>();
        MqttSink sink = MqttSink.open(broker(port), "pi-7", "cdc-wdm0", events::add, Duration.ofMillis(50),
                Duration.ofMillis(100));
        for (int i = 0; i < 20; i++) {
            sink.publish(Snapshots.connected());
            Thread.sleep(50);
        }
        sink.close();
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("mqtt: cannot reach tcp://127.0.0.1:" + port + ": "), events.get(0));
    }

    /**
     * A broker that accepts the TCP connection and never answers: Paho waits out its 10 s connect timeout on the
     * sink's thread. A publish that waited for it would take seconds; the bound leaves room for a loaded machine.
     */
    @Test
    void should_return_from_publish_at_once_while_the_broker_hangs() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> events = new CopyOnWriteArrayList<>();
            MqttSink sink = MqttSink.open(broker(blackHole.getLocalPort()), "pi-7", "cdc-wdm0", events::add,
                    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300), MqttSink.PERIODIC);
            long worst = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                long t = System.nanoTime();
                sink.publish(Snapshots.connected());
                worst = Math.max(worst, System.nanoTime() - t);
                if (i % 100 == 0) {
                    Thread.sleep(100);
                }
            }
            long took = System.nanoTime() - start;
            long closing = System.nanoTime();
            sink.close();
            long closeMillis = (System.nanoTime() - closing) / 1_000_000;
            assertTrue(worst < 1_000_000_000L, "a publish took " + worst / 1_000_000 + " ms");
            assertTrue(took < 5_000_000_000L, "1000 publishes took " + took / 1_000_000 + " ms");
            assertTrue(closeMillis < 3000, "close took " + closeMillis + " ms");
            assertEquals(List.of("mqtt: tcp://127.0.0.1:" + blackHole.getLocalPort()
                    + " did not answer within 300 ms; left to the last will"), events);
        }
    }
}
