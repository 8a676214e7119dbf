package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;

/**
 * The wired path, all real: {@code qmi-conn watch} with telemetry keys in its config file, inside the sandbox
 * against the emulator's {@code flaky} modem (its session drops once), publishing to a real mosquitto and
 * scraped by a real Prometheus, both started inside the sandbox's network namespace on its loopback; read back
 * with mosquitto_sub and promtool, and the node_exporter textfile.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare", "mosquitto", "mosquitto_sub",
        "prometheus", "promtool"})
class WatchTelemetrySandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void should_publish_the_reconnect_and_its_reason_to_mqtt_prometheus_and_the_textfile() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("flaky"), new ExecRunner(), new EmulatorModems())) {
            Path tmp = box.tmpDir();
            Files.writeString(tmp.resolve("mosquitto.conf"), "user root\npersistence false\n"
                    + "listener 1883 127.0.0.1\nallow_anonymous true\n");
            Files.writeString(tmp.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\nscrape_configs:\n"
                    + "  - job_name: qmi-conn\n    static_configs:\n      - targets: ['127.0.0.1:9417']\n");
            Path conf = Files.writeString(tmp.resolve("cdc-wdm0.conf"), "MQTT_URL=mqtt://127.0.0.1:1883\n"
                    + "HA_DISCOVERY=yes\nPROMETHEUS_LISTEN=9417\nPROMETHEUS_TEXTFILE=/tmp/qmi-conn.prom\n");
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
            box.start(List.of("mosquitto", "-c", "/tmp/mosquitto.conf"));
            box.start(List.of("prometheus", "--config.file=/tmp/prometheus.yml", "--storage.tsdb.path=/tmp/tsdb",
                    "--web.listen-address=127.0.0.1:9090", "--log.level=warn"));
            BackgroundProcess watch = box.start(List.of("qmi-conn", "-v", "watch", "--apn", "fast.metropcs.com",
                    "--timeout", "15s", "--poll", "1s", "--backoff-scale", "0.2", "--config", "/tmp/cdc-wdm0.conf"));
            try {
                await(() -> count(watch.stdout(), " connected ") >= 2 ? "" : null, watch);
                assertTrue(watch.stdout().contains("mqtt: connected to tcp://127.0.0.1:1883"), watch.stdout());
                assertTrue(watch.stdout().contains("prometheus: serving /metrics on 127.0.0.1:9417"), watch.stdout());

                JsonNode state = JSON.readTree(await(() -> {
                    String s = retained(box, "qmi-conn/+/cdc-wdm0/state");
                    return s.contains("\"session-dropped\":1") && s.contains("\"state\":\"connected\"") ? s : null;
                }, watch));
                assertTrue(state.get("connected").asBoolean(), state.toString());
                assertTrue(state.get("sim").asText().startsWith("iccid-"), state.toString());
                assertEquals("registered", state.get("registration").asText(), state.toString());
                assertTrue(state.get("rx_bytes").isNumber(), state.toString());
                assertTrue(retained(box, "homeassistant/sensor/+/rsrp/config").contains("\"state_topic\""));

                await(() -> promtool(box, "qmiconn_reconnects_total{reason=\"session-dropped\"}").contains("=> 1 @")
                        ? "" : null, watch);
                // flaky may drop again meanwhile: the series has been 1 within the last minute
                await(() -> promtool(box, "max_over_time(qmiconn_connected[1m])").contains("=> 1 @") ? "" : null,
                        watch);
                await(() -> textfile(tmp).contains("qmiconn_connected{") ? "" : null, watch);
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            String after = retained(box, "qmi-conn/+/cdc-wdm0/state");
            assertTrue(after.contains("\"state\":\"stopped\""), "a clean stop says so: " + after);
            assertEquals("offline", retained(box, "qmi-conn/+/cdc-wdm0/availability").trim(), watch.stdout());
        }
    }

    private static String retained(Sandbox box, String topic) {
        CommandResult r = box.exec(List.of("mosquitto_sub", "-h", "127.0.0.1", "-t", topic, "-C", "1", "-W", "3"),
                Duration.ofSeconds(15));
        return r.stdout().strip();
    }

    private static String promtool(Sandbox box, String query) {
        return box.exec(List.of("promtool", "query", "instant", "http://127.0.0.1:9090", query),
                Duration.ofSeconds(15)).stdout();
    }

    private static String textfile(Path tmp) {
        try {
            Path f = tmp.resolve("qmi-conn.prom");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String await(Supplier<String> probe, BackgroundProcess watch) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            String v = probe.get();
            if (v != null) {
                return v;
            }
            if (!watch.isAlive()) {
                throw new AssertionError("watch ended early:\n" + watch.stdout() + watch.stderr());
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out; watch said:\n" + watch.stdout() + watch.stderr());
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
