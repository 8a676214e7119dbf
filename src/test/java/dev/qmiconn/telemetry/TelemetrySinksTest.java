package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class TelemetrySinksTest {

    @Test
    void should_open_nothing_when_nothing_is_configured() {
        assertSame(TelemetrySink.NONE, TelemetrySinks.open(TelemetrySettings.OFF, "pi-7", "cdc-wdm0", e -> { }));
    }

    @Test
    void should_say_in_one_line_when_the_listener_port_is_taken(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TelemetrySettings s = TelemetrySettings.from(Map.of("PROMETHEUS_LISTEN", "127.0.0.1:"
                    + taken.getLocalPort(), "PROMETHEUS_TEXTFILE", dir.resolve("q.prom").toString()));
            QmiConnException e = assertThrows(QmiConnException.class,
                    () -> TelemetrySinks.open(s, "pi-7", "cdc-wdm0", line -> { }));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith("cannot listen for Prometheus on 127.0.0.1:" + taken.getLocalPort()),
                    e.getMessage());
        }
    }

    @Test
    void should_feed_every_configured_sink(@TempDir Path dir) throws Exception {
        Path prom = dir.resolve("q.prom");
        List<String> events = new ArrayList<>();
        TelemetrySettings s = TelemetrySettings.from(Map.of("PROMETHEUS_LISTEN", "0", "PROMETHEUS_TEXTFILE",
                prom.toString()));
        try (TelemetrySink sink = TelemetrySinks.open(s, "pi-7", "cdc-wdm0", events::add)) {
            sink.publish(Snapshots.linkDown());
        }
        assertTrue(Files.readString(prom).contains("state=\"waiting\"} 1.0"));
        assertTrue(events.get(0).startsWith("prometheus: serving /metrics on 127.0.0.1:"), events.toString());
    }

    @Test
    void should_take_the_short_host_name_from_the_kernel_file(@TempDir Path dir) throws Exception {
        assertEquals("pi-7", TelemetrySinks.hostName(Files.writeString(dir.resolve("h"), "pi-7.lan\n")));
        assertEquals("localhost", TelemetrySinks.hostName(dir.resolve("missing")));
        assertEquals("localhost", TelemetrySinks.hostName(Files.writeString(dir.resolve("e"), "\n")));
    }
}
