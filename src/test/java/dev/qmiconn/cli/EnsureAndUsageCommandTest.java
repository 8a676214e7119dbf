package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.connect.SessionState;
import dev.qmiconn.connect.StateStore;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

import picocli.CommandLine;

/**
 * {@code ensure} and {@code usage} through the real picocli tree with replayed qmicli (the recorded
 * {@code status/connected} and {@code down/after-up} transcripts): ensure counts a live session's bytes into
 * usage.json, usage reports them and exits CAP_REACHED past the cap, and a bad cap is one line.
 * The device is /dev/null: the probe first checks that the device node exists, and /dev/null exists everywhere;
 * the replayed qmicli never opens it.
 */
class EnsureAndUsageCommandTest {

    private static final String DEVICE = "/dev/null";
    private static final Path RECORDED = Path.of("test-fixtures/transcripts/1.32.2");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err, List<List<String>> calls) {
    }

    private Run qmiConn(List<Transcript> replay, String... args) {
        try (ReplayingRunner runner = new ReplayingRunner(replay)) {
            CommandLine cl = Main.commandLine(new AppContext(runner, NOW, Map.of()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(), err.toString(), runner.callsMade());
        }
    }

    private Run ensure(List<Transcript> replay, String... extra) {
        List<String> argv = new ArrayList<>(List.of("ensure", "--apn", "fast.metropcs.com", "--device", DEVICE,
                "--state-dir", stateDir().toString(), "--ledger-dir", ledgerDir().toString(), "--resolv-head", tmp.resolve("resolv.conf.head").toString(),
                "--resolv-conf", tmp.resolve("resolv.conf").toString(), "--profile", tmp.resolve("none.conf")
                        .toString(), "--sysfs-root", tmp.resolve("sys").toString(), "--qmi-network-state-dir",
                tmp.resolve("qmi-network").toString())); // never the host's /tmp/qmi-network-state-*
        argv.addAll(List.of(extra));
        return qmiConn(replay, argv.toArray(String[]::new));
    }

    private Run usage(String... extra) {
        List<String> argv = new ArrayList<>(List.of("usage", "--device", DEVICE, "--state-dir",
                stateDir().toString(), "--ledger-dir", ledgerDir().toString()));
        argv.addAll(List.of(extra));
        return qmiConn(List.of(), argv.toArray(String[]::new));
    }

    private Path stateDir() {
        return tmp.resolve("run");
    }

    /** The persistent ledgers (/var/lib/qmi-conn): survive what wipes {@link #stateDir()}. */
    private Path ledgerDir() {
        return tmp.resolve("lib");
    }

    /** The first ensure on a device asks the SIM's ICCID (recorded from the emulator's E397u-53 SIM). */
    private static Transcript iccid() throws java.io.IOException {
        String out = Files.readString(Path.of("test-fixtures/qmicli/1.32.2/dms-uim-get-iccid/emulator-e397u-53.out"));
        return Transcript.of(List.of("qmicli", "-d", DEVICE, "--dms-uim-get-iccid"), 0,
                out.replace("/dev/cdc-wdm0", DEVICE), "");
    }

    private static List<Transcript> first(List<Transcript> poll) throws java.io.IOException {
        List<Transcript> all = new ArrayList<>(List.of(iccid()));
        all.addAll(poll);
        return all;
    }

    /** What {@code up} leaves behind for the recorded session: WDS client id 1, packet data handle 3634376449. */
    private void sessionUp() {
        new StateStore(stateDir().resolve("null.json")).write(SessionState.begin(
                new SessionState.Link(DEVICE, "wwan0", "qmicli", false, "1.32.2", NOW.instant().getEpochSecond() - 60),
                new SessionState.DnsFiles(tmp.resolve("resolv.conf.head").toString(), null))
                .allocated("wds", 1).withSession(new SessionState.DataSession("ipv4", 1, 3634376449L))
                .up(new SessionState.Addressing("dhcp", "100.66.12.65", 30, "100.66.12.66",
                        List.of("10.177.0.34", "10.177.0.210"), 1500, null, null)));
    }

    /** The recorded connected poll (packet service status, then statistics), on DEVICE, byte counters set. */
    private static List<Transcript> connectedPoll(long txBytes, long rxBytes) {
        List<Transcript> status = Transcript.readDirectory(RECORDED.resolve("status/connected"));
        Transcript pss = onDevice(status.get(3));
        Transcript stats = onDevice(status.get(4));
        assertTrue(pss.argv().contains("--wds-get-packet-service-status"), pss.argv().toString());
        String counters = stats.stdout().replaceFirst("TX bytes OK: \\d+", "TX bytes OK: " + txBytes)
                .replaceFirst("RX bytes OK: \\d+", "RX bytes OK: " + rxBytes);
        assertTrue(counters.contains("TX bytes OK: " + txBytes) && counters.contains("RX bytes OK: " + rxBytes),
                "the recorded statistics carry the byte counters: " + stats.stdout());
        return List.of(pss, Transcript.of(stats.argv(), 0, counters, ""));
    }

    private static Transcript onDevice(Transcript t) {
        return Transcript.of(t.argv().stream().map(a -> a.replace("/dev/cdc-wdm0", DEVICE)).toList(), t.exitCode(),
                t.stdout().replace("/dev/cdc-wdm0", DEVICE), t.stderr());
    }

    private JsonNode usageJson() throws Exception {
        Run r = usage("--json");
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void should_count_a_connected_sessions_bytes_into_usage_json_and_add_only_what_grew_on_the_next_run()
            throws Exception {
        sessionUp();

        Run first = ensure(first(connectedPoll(2520, 22500)));
        assertEquals(ExitCode.OK.code(), first.exit(), first.out() + first.err());
        assertEquals(3, first.calls().size(), "the ICCID, then two queries on the kept client id, nothing "
                + "started: " + first.calls());
        assertTrue(first.out().contains(" connected wwan0 100.66.12.65/30 via 100.66.12.66"), first.out());
        assertTrue(Files.exists(ledgerDir().resolve("sim-8901260842100012345.json")));
        assertEquals("sim-8901260842100012345\n", Files.readString(ledgerDir().resolve("null.sim")));
        JsonNode u = usageJson();
        assertEquals(2520, u.get("tx_bytes").asLong());
        assertEquals(22500, u.get("rx_bytes").asLong());
        assertEquals(25020, u.get("used_bytes").asLong());
        assertEquals("2026-11-01", u.get("period_start").asText());

        Run second = ensure(connectedPoll(3000, 30500));
        assertEquals(ExitCode.OK.code(), second.exit(), second.err());
        assertEquals(2, second.calls().size(), "the SIM of the device is known now: " + second.calls());
        JsonNode after = usageJson();
        assertEquals(3000, after.get("tx_bytes").asLong());
        assertEquals(30500, after.get("rx_bytes").asLong());
        assertTrue(after.get("cap_bytes").isNull(), "no --cap, no cap fields: " + after);
    }

    @Test
    void should_exit_cap_reached_when_the_usage_is_past_the_cap_and_ok_below_it() throws Exception {
        sessionUp();
        assertEquals(ExitCode.OK.code(), ensure(first(connectedPoll(2520, 22500))).exit());

        Run over = usage("--cap", "20KB");
        assertEquals(ExitCode.CAP_REACHED.code(), over.exit(), over.out() + over.err());
        assertEquals(13, over.exit());
        assertTrue(over.out().contains("used 25.0 KB") && over.out().contains("remaining 0 B"), over.out());
        assertTrue(over.out().contains("used up: no connection until the period resets on "), over.out());

        Run under = usage("--cap", "30KB");
        assertEquals(ExitCode.OK.code(), under.exit(), under.out() + under.err());
        assertTrue(under.out().contains("remaining 5.0 KB"), under.out());
    }

    @Test
    void should_take_the_link_down_and_exit_cap_reached_when_ensure_finds_the_cap_used_up() throws Exception {
        sessionUp();
        assertEquals(ExitCode.OK.code(), ensure(first(connectedPoll(2520, 22500))).exit());

        List<Transcript> down = Transcript.readDirectory(RECORDED.resolve("down/after-up")).stream()
                .map(EnsureAndUsageCommandTest::onDevice).toList();
        Run capped = ensure(down, "--cap", "20KB");
        assertEquals(ExitCode.CAP_REACHED.code(), capped.exit(), capped.out() + capped.err());
        assertEquals(List.of("qmicli", "-d", DEVICE, "--wds-stop-network=3634376449", "--client-cid=1"),
                capped.calls().get(0), "stopped with the saved client id, nothing polled: " + capped.calls());
        assertTrue(capped.out().contains(" capped data cap 20.0 KB used up; down until 2026-12-01"), capped.out());
        assertFalse(Files.exists(stateDir().resolve("null.json")), "session state removed by the teardown");
        Run u = usage("--json");
        assertEquals(ExitCode.CAP_REACHED.code(), u.exit(), "usage knows the cap ensure ran with: " + u.out());
        JsonNode json = new ObjectMapper().readTree(u.out());
        assertEquals(25020, json.get("used_bytes").asLong(), "the count survives the teardown");
        assertEquals(20000, json.get("cap_bytes").asLong(), "no --cap given to usage: " + json);
        assertEquals("sim-8901260842100012345", json.get("ledger").asText());
    }

    @Test
    void should_refuse_a_cap_that_is_no_size_with_one_line() {
        Run u = usage("--cap", "lots");
        assertEquals(ExitCode.BAD_INPUT.code(), u.exit(), u.err());
        assertEquals(1, u.err().lines().count(), u.err());
        assertTrue(u.err().startsWith("qmi-conn: invalid size 'lots'"), u.err());
        assertEquals("", u.out());

        Run e = ensure(List.of(), "--cap", "lots");
        assertEquals(ExitCode.BAD_INPUT.code(), e.exit(), e.err());
        assertEquals(1, e.err().lines().count(), e.err());
        assertTrue(e.err().startsWith("qmi-conn: invalid size 'lots'"), e.err());
        assertEquals(List.of(), e.calls(), "nothing may run on bad input");
    }

    @Test
    void should_refuse_a_cap_warning_outside_1_to_100_with_one_line() {
        Run u = usage("--cap", "200MB", "--cap-warn", "0");
        assertEquals(ExitCode.BAD_INPUT.code(), u.exit(), u.err());
        assertEquals("qmi-conn: --cap-warn must be 1 to 100\n", u.err());

        Run e = ensure(List.of(), "--cap-warn", "101");
        assertEquals(ExitCode.BAD_INPUT.code(), e.exit(), e.err());
        assertEquals("qmi-conn: --cap-warn must be 1 to 100\n", e.err());
        assertEquals(List.of(), e.calls(), "nothing may run on bad input");
    }
}
