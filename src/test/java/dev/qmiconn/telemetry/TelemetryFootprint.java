package dev.qmiconn.telemetry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * For bench/telemetry (not a test): opens the sinks that KEY=VALUE arguments configure, publishes a snapshot every
 * 200 ms for SECONDS (the first argument), scrapes its own listener once a second when there is one, then prints
 * VmRSS, VmHWM and the thread count from /proc/self/status.
 */
public final class TelemetryFootprint {

    private TelemetryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Map<String, String> config = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            config.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        TelemetrySink sink = TelemetrySinks.open(TelemetrySettings.from(config), "bench", "cdc-wdm0",
                System.out::println);
        String listen = config.get("PROMETHEUS_LISTEN");
        HttpClient http = listen == null ? null : HttpClient.newHttpClient();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int tick = 0; System.nanoTime() < end; tick++) {
            sink.publish(tick % 50 == 49 ? Snapshots.linkDown() : Snapshots.connected());
            if (http != null && tick % 5 == 0) {
                http.send(HttpRequest.newBuilder(URI.create("http://" + listen + "/metrics")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(200);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS") || line.startsWith("VmHWM") || line.startsWith("Threads")) {
                System.out.println(line.replaceAll("\\s+", " "));
            }
        }
        sink.close();
    }
}
