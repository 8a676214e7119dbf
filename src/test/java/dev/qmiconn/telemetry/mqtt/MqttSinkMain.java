package dev.qmiconn.telemetry.mqtt;

import java.time.Duration;
import java.util.Map;

import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.telemetry.TelemetrySettings;

/** A stand-in service process for the last-will test: publishes, says so, then waits to be killed. */
public final class MqttSinkMain {

    private MqttSinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MqttSink sink = MqttSink.open(TelemetrySettings.from(Map.of("MQTT_URL", args[0], "MQTT_TOPIC_PREFIX",
                args[1])).mqtt().get(), "pi-7", "cdc-wdm0", line -> System.out.println(line),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        sink.publish(Snapshots.connected());
        Thread.sleep(Long.MAX_VALUE);
    }
}
