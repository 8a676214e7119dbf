package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory: a service without telemetry must not load the Prometheus client or Paho. A fresh JVM opens the sinks
 * with the given settings and publishes once; its class-load log says what was loaded.
 */
class TelemetryClassLoadingTest {

    /** Runs in the child JVM: KEY=VALUE arguments are the device config's telemetry keys. */
    public static void main(String[] args) {
        Map<String, String> config = new java.util.HashMap<>();
        for (String a : args) {
            config.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        TelemetrySink sink = TelemetrySinks.open(TelemetrySettings.from(config), "pi-7", "cdc-wdm0", e -> { });
        sink.publish(TelemetrySnapshot.starting("cdc-wdm0", java.time.Instant.now()));
        sink.close();
        System.out.println("published");
    }

    @Test
    void should_load_neither_prometheus_nor_paho_when_telemetry_is_off() throws Exception {
        List<String> loaded = loadedClasses();
        assertTrue(loaded.stream().anyMatch(c -> c.equals("dev.qmiconn.telemetry.TelemetrySinks")), "ran");
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("io.prometheus.")
                || c.startsWith("org.eclipse.paho.") || c.startsWith("dev.qmiconn.telemetry.prometheus.")
                || c.startsWith("dev.qmiconn.telemetry.mqtt.")).toList());
    }

    @Test
    void should_load_only_the_prometheus_side_for_a_textfile(@TempDir Path dir) throws Exception {
        List<String> loaded = loadedClasses("PROMETHEUS_TEXTFILE=" + dir.resolve("q.prom"));
        assertTrue(loaded.stream().anyMatch(c -> c.startsWith("io.prometheus.metrics.core.")), "the check can see");
        assertFalse(loaded.stream().anyMatch(c -> c.startsWith("org.eclipse.paho.")));
        assertFalse(loaded.stream().anyMatch(c -> c.startsWith("io.prometheus.metrics.exporter.httpserver.")),
                "no listener configured, no HTTP server classes");
    }

    private static List<String> loadedClasses(String... config) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:off", "-Xlog:class+load=info:stdout:none", "-cp",
                System.getProperty("java.class.path"), TelemetryClassLoadingTest.class.getName()));
        argv.addAll(List.of(config));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("published"), out);
        List<String> classes = new ArrayList<>();
        for (String line : out.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.contains(" source: ")) {
                classes.add(line.substring(0, sp));
            }
        }
        return classes;
    }
}
