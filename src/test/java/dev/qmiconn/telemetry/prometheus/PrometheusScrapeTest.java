package dev.qmiconn.telemetry.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.telemetry.LoopbackServer;
import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.testing.RealTools;

/**
 * Debian's real Prometheus server, started by the test on loopback with its own config and data directory,
 * scrapes the sink's listener every second; its HTTP API must then answer queries with the published values.
 */
@RealTools({"prometheus"})
class PrometheusScrapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void should_be_scraped_by_prometheus_and_answer_queries_while_up_and_while_down() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (PrometheusSink sink = PrometheusSink.open(Optional.of(loopback), Optional.empty(), e -> { })) {
            sink.publish(Snapshots.connected());
            int apiPort = LoopbackServer.freePort();
            Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n"
                    + "  evaluation_interval: 1s\nscrape_configs:\n  - job_name: qmi-conn\n    static_configs:\n"
                    + "      - targets: ['127.0.0.1:" + sink.port() + "']\n");
            try (BackgroundProcess prometheus = new ExecRunner().start(CommandSpec.of("prometheus",
                    "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + apiPort, "--log.level=warn"))) {
                LoopbackServer.awaitListening(apiPort, prometheus, Duration.ofSeconds(60));
                String sim = Snapshots.connected().simId();
                JsonNode rsrp = awaitResult(apiPort, "qmiconn_signal_rsrp_dbm{device=\"cdc-wdm0\"}", "-95");
                assertEquals(sim, rsrp.get("metric").get("sim").asText());
                assertEquals("T-Mobile", rsrp.get("metric").get("operator").asText());
                awaitResult(apiPort, "qmiconn_connected", "1");
                awaitResult(apiPort, "up{job=\"qmi-conn\"}", "1");
                sink.publish(Snapshots.linkDown());
                awaitResult(apiPort, "qmiconn_connected", "0");
                awaitResult(apiPort, "qmiconn_link_state{state=\"waiting\"}", "1");
                awaitResult(apiPort, "count(qmiconn_signal_rsrp_dbm) or vector(0)", "0");
            }
        }
    }

    /** Polls the query API until the first series' value is {@code expected}. */
    private static JsonNode awaitResult(int apiPort, String query, String expected) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        String last = "";
        while (System.nanoTime() < end) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                    + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = r.body();
            JsonNode result = JSON.readTree(last).path("data").path("result");
            if (result.size() > 0 && result.get(0).get("value").get(1).asText().equals(expected)) {
                return result.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError(query + " never returned " + expected + "; last answer: " + last);
    }
}
