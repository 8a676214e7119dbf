package dev.qmiconn.telemetry.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.telemetry.LinkState;
import dev.qmiconn.telemetry.Snapshots;
import dev.qmiconn.telemetry.TelemetrySnapshot;

class PrometheusSinkTest {

    private static final String LABELS = "device=\"cdc-wdm0\",operator=\"T-Mobile\",sim=\"";

    @Test
    void should_expose_every_value_of_a_connected_modem_with_its_labels() {
        try (PrometheusSink sink = PrometheusSink.open(Optional.empty(), Optional.empty(), e -> { })) {
            sink.publish(Snapshots.connected());
            String text = sink.render();
            String sim = Snapshots.connected().simId();
            assertTrue(text.contains("qmiconn_connected{" + LABELS + sim + "\"} 1.0"), text);
            assertTrue(text.contains("qmiconn_signal_rsrp_dbm{" + LABELS + sim + "\"} -95.0"), text);
            assertTrue(text.contains("qmiconn_session_receive_bytes_total{" + LABELS + sim + "\"} 7654321.0"), text);
            assertTrue(text.contains("qmiconn_reconnects_total{" + LABELS.replace("sim=\"", "reason=\"session-dropped\","
                    + "sim=\"") + sim + "\"} 2.0"), text);
            assertTrue(text.contains("qmiconn_session_uptime_seconds{" + LABELS + sim + "\"} 3600.0"), text);
            assertTrue(text.contains("qmiconn_usage_cap_bytes{" + LABELS + sim + "\"} 2.0E8"), text);
            assertTrue(text.contains("qmiconn_link_state{" + LABELS + sim + "\",state=\"connected\"} 1.0"), text);
            assertTrue(text.contains("qmiconn_link_state{" + LABELS + sim + "\",state=\"waiting\"} 0.0"), text);
            assertTrue(text.contains("qmiconn_radio_technology{" + LABELS + sim + "\",technology=\"lte\"} 1.0"), text);
            assertFalse(text.contains(Snapshots.ICCID), "the ICCID must never be exposed");
        }
    }

    @Test
    void should_say_the_link_is_down_and_leave_out_what_the_modem_did_not_report() {
        try (PrometheusSink sink = PrometheusSink.open(Optional.empty(), Optional.empty(), e -> { })) {
            sink.publish(Snapshots.linkDown());
            String text = sink.render();
            assertTrue(text.matches("(?s).*qmiconn_connected\\{[^}]*\\} 0\\.0.*"), text);
            assertTrue(text.matches("(?s).*qmiconn_link_state\\{[^}]*state=\"waiting\"\\} 1\\.0.*"), text);
            assertTrue(text.matches("(?s).*qmiconn_registration_state\\{[^}]*state=\"unknown\"\\} 1\\.0.*"), text);
            assertTrue(text.matches("(?s).*qmiconn_last_error\\{[^}]*message=\"CallFailed: no-service\"[^}]*\\} 1\\.0.*"),
                    text);
            for (String absent : List.of("qmiconn_signal_rsrp_dbm{", "qmiconn_session_receive_bytes_total{",
                    "qmiconn_radio_technology{", "qmiconn_usage_bytes{")) {
                assertFalse(text.contains(absent), absent + " should be absent:\n" + text);
            }
        }
    }

    @Test
    void should_serve_the_latest_snapshot_on_the_loopback_listener() throws Exception {
        List<String> events = new ArrayList<>();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (PrometheusSink sink = PrometheusSink.open(Optional.of(any), Optional.empty(), events::add)) {
            sink.publish(Snapshots.connected());
            sink.publish(Snapshots.linkDown());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sink.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().matches("(?s).*qmiconn_connected\\{[^}]*\\} 0\\.0.*"), r.body());
            assertEquals(List.of("prometheus: serving /metrics on 127.0.0.1:" + sink.port()), events);
        }
    }

    @Test
    void should_write_the_textfile_at_once_on_a_state_change_and_rate_limit_the_rest(@TempDir Path dir)
            throws Exception {
        Path prom = dir.resolve("node-exporter/qmi-conn.prom");
        try (PrometheusSink sink = PrometheusSink.open(Optional.empty(), Optional.of(prom), e -> { },
                Duration.ofHours(1))) {
            sink.publish(Snapshots.connected());
            waitFor(prom, "qmiconn_connected{");
            assertTrue(Files.readString(prom).contains("qmiconn_signal_rsrp_dbm"));
            TelemetrySnapshot later = Snapshots.connected();
            sink.publish(new TelemetrySnapshot(later.at().plusSeconds(5), later.device(), later.simId(),
                    later.operator(), later.state(), later.detail(), later.registration(), later.radio(),
                    TelemetrySnapshot.RadioSignal.NONE, later.traffic(), later.reconnects(), later.sessionStart(),
                    later.usage(), later.lastError()));
            Thread.sleep(300);
            assertTrue(Files.readString(prom).contains("qmiconn_signal_rsrp_dbm"), "same state: not rewritten yet");
            sink.publish(Snapshots.linkDown());
            waitFor(prom, "state=\"waiting\"} 1.0");
        }
        assertFalse(Files.list(prom.getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void should_report_an_unwritable_textfile_once_and_carry_on(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PrometheusSink sink = PrometheusSink.open(Optional.empty(), Optional.of(blocker.resolve("q.prom")),
                events::add, Duration.ZERO)) {
            for (int i = 0; i < 5; i++) {
                sink.publish(i % 2 == 0 ? Snapshots.connected() : Snapshots.linkDown());
                Thread.sleep(50);
            }
        }
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("prometheus: cannot write " + blocker.resolve("q.prom")), events.get(0));
    }

    private static void waitFor(Path file, String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(file + " never contained " + text + ": "
                + (Files.exists(file) ? Files.readString(file) : "(missing)"));
    }

    static boolean linkStateIs(String text, LinkState s) {
        return text.contains("state=\"" + s.word() + "\"} 1.0");
    }
}
