package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/** {@code status} and {@code down} replayed after the recorded {@code up}: the calls made and what they report. */
class StatusAndDownReplayTest {

    @TempDir
    Path tmp;

    private final FlowFixtures.FakePacer pacer = new FlowFixtures.FakePacer();
    private final FlowFixtures.Out out = new FlowFixtures.Out();

    private Paths upFirst() throws Exception {
        Paths paths = FlowFixtures.paths(tmp);
        UpRequest req = new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, null,
                IpConfig.DHCP, Backend.QMICLI, Duration.ofSeconds(20), DnsMode.DHCPCD, false, paths);
        try (ReplayingRunner r = new ReplayingRunner(FlowFixtures.transcripts("up/e397u-53-dhcp"))) {
            new UpFlow(r, pacer, out.writer, p -> true).run(req);
        }
        return paths;
    }

    @Test
    void should_report_a_connected_session_with_five_qmicli_calls_on_the_saved_cid() throws Exception {
        Paths paths = upFirst();
        pacer.sleep(Duration.ofSeconds(42));
        List<Transcript> ts = FlowFixtures.transcripts("status/connected");
        StatusReport r;
        try (ReplayingRunner runner = new ReplayingRunner(ts)) {
            r = new StatusFlow(runner, pacer, p -> true).run("/dev/cdc-wdm0", false, paths);
            assertEquals(5, runner.callsMade().size(), "no --version (cached), no current settings (state)");
            assertTrue(runner.callsMade().get(3).contains("--client-cid=1"));
        }

        assertTrue(r.connected());
        assertEquals("connected", r.state());
        assertTrue(r.lte());
        assertEquals("blue, solid", r.led());
        assertEquals("1.32.2", r.libqmi().version());
        assertEquals("MetroPCS", r.registration().operator());
        assertEquals("311", r.registration().mcc());
        assertEquals(-63.0, r.signal().rssi());
        assertEquals(-93.0, r.signal().rsrp());
        assertEquals(3, r.signal().bars());
        assertEquals("100.66.12.65", r.ip().address());
        assertEquals(List.of("10.177.0.34", "10.177.0.210"), r.ip().dns());
        assertEquals(42L, r.session().uptimeSeconds());
        assertTrue(r.packets().rxBytes() > 0);
        assertEquals(List.of(), r.errors());
    }

    @Test
    void should_stop_with_the_saved_cid_flush_and_remove_state_and_dns_then_be_idempotent() throws Exception {
        Paths paths = upFirst();
        try (ReplayingRunner runner = new ReplayingRunner(FlowFixtures.transcripts("down/after-up"))) {
            new DownFlow(runner, out.writer).run("/dev/cdc-wdm0", null, false, paths);
            assertEquals(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-stop-network=3634376449", "--client-cid=1"),
                    runner.callsMade().get(0));
        }
        assertFalse(Files.exists(paths.stateFile("cdc-wdm0")));
        assertEquals("", Files.readString(paths.resolvHead()));

        // no session, nothing to flush: an address no session of ours configured is not ours to remove
        try (ReplayingRunner runner = new ReplayingRunner(List.of())) {
            new DownFlow(runner, out.writer).run("/dev/cdc-wdm0", null, false, paths);
            assertEquals(List.of(), runner.callsMade());
        }
        assertTrue(out.toString().contains("/dev/cdc-wdm0 is already down"), out.toString());
    }

    @Test
    void should_report_not_connected_without_state() throws Exception {
        Paths paths = FlowFixtures.paths(tmp);
        List<Transcript> rec = FlowFixtures.transcripts("status/connected");
        Transcript pss = rec.get(3);
        List<Transcript> ts = new java.util.ArrayList<>();
        ts.add(Transcript.of(List.of("qmicli", "--version"), 0, "qmicli 1.32.2\n", ""));
        ts.addAll(rec.subList(0, 3));
        ts.add(Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-get-packet-service-status"), 0,
                pss.stdout().replace("'connected'", "'disconnected'"), ""));
        StatusReport r;
        try (ReplayingRunner runner = new ReplayingRunner(ts)) {
            r = new StatusFlow(runner, pacer, p -> true).run("/dev/cdc-wdm0", false, paths);
        }
        assertFalse(r.connected());
        assertEquals("registered", r.state());
        assertNull(r.packets());
        assertNull(r.session());
    }
}
