package dev.qmiconn.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * For bench/telemetry (not a test): opens the sinks that KEY=VALUE arguments configure, publishes a snapshot every
 * 200 ms for SECONDS (the first argument), scrapes its own listener once a second when there is one, then prints
 * VmRSS, VmHWM and the thread count from /proc/self/status. Jackson is loaded first in every mode, as the service's
 * state store loads it anyway; the scrape is a bare socket, so the measuring adds no HTTP client of its own.
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
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Map.of("phase", "up", "cid", 7)));
        TelemetrySink sink = TelemetrySinks.open(TelemetrySettings.from(config), "bench", "cdc-wdm0",
                System.out::println);
        String listen = config.get("PROMETHEUS_LISTEN");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int tick = 0; System.nanoTime() < end; tick++) {
            sink.publish(tick % 50 == 49 ? Snapshots.linkDown() : Snapshots.connected());
            if (listen != null && tick % 5 == 0) {
                scrape(listen);
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

    private static void scrape(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
            s.getOutputStream().write(("GET /metrics HTTP/1.0\r\nHost: " + hostPort + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = s.getInputStream()) {
                in.readAllBytes();
            }
        }
    }
}
