package dev.qmiconn.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens the sinks a device's settings ask for. The Prometheus and MQTT classes (and their libraries) are
 * referenced only from the branch that needs them, so a service without telemetry never loads them
 * ({@code TelemetryClassLoadingTest} checks it with the JVM's class-load log).
 */
public final class TelemetrySinks {

    private TelemetrySinks() {
    }

    /**
     * @param device the control device's name (cdc-wdm0), as in the snapshots
     * @param host   this machine's name: the MQTT topics' level and client id (a fleet shares one broker)
     * @param events where a sink's state changes go, one line each (listener started, broker lost, ...)
     */
    public static TelemetrySink open(TelemetrySettings settings, String host, String device,
                                     Consumer<String> events) {
        if (!settings.enabled()) {
            return TelemetrySink.NONE;
        }
        List<TelemetrySink> sinks = new ArrayList<>();
        try {
            if (settings.prometheusListen().isPresent() || settings.prometheusTextfile().isPresent()) {
                sinks.add(dev.qmiconn.telemetry.prometheus.PrometheusSink.open(settings.prometheusListen(),
                        settings.prometheusTextfile(), events));
            }
            if (settings.mqtt().isPresent()) {
                sinks.add(dev.qmiconn.telemetry.mqtt.MqttSink.open(settings.mqtt().get(), host, device, events));
            }
        } catch (RuntimeException e) {
            sinks.forEach(TelemetrySink::close);
            throw e;
        }
        return sinks.size() == 1 ? sinks.get(0) : new Fanout(List.copyOf(sinks));
    }

    /** Where Linux keeps the host name; read as a file so that no lookup (DNS) happens while the link is down. */
    public static final java.nio.file.Path KERNEL_HOSTNAME = java.nio.file.Path.of("/proc/sys/kernel/hostname");

    /** This machine's name for the MQTT topics and client id, from {@code file}; "localhost" when unreadable. */
    public static String hostName(java.nio.file.Path file) {
        try {
            String name = java.nio.file.Files.readString(file).strip();
            int dot = name.indexOf('.');
            name = dot > 0 ? name.substring(0, dot) : name;
            return name.isEmpty() ? "localhost" : name;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private record Fanout(List<TelemetrySink> sinks) implements TelemetrySink {
        @Override
        public void publish(TelemetrySnapshot snapshot) {
            for (TelemetrySink s : sinks) {
                s.publish(snapshot);
            }
        }

        @Override
        public void close() {
            for (TelemetrySink s : sinks) {
                s.close();
            }
        }
    }
}
