package dev.qmiconn.connect;

import static dev.qmiconn.connect.FlowFixtures.paths;
import static dev.qmiconn.connect.FlowFixtures.qmicliFixture;
import static dev.qmiconn.connect.FlowFixtures.replace;
import static dev.qmiconn.connect.FlowFixtures.transcripts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/** {@code up} against recorded transcripts (test-fixtures/transcripts) and the 1.16-era qmicli fixtures. */
class UpFlowReplayTest {

    private static final String START_1_32 = "--wds-start-network=apn='fast.metropcs.com'";

    @TempDir
    Path tmp;

    private final FlowFixtures.FakePacer pacer = new FlowFixtures.FakePacer();
    private final FlowFixtures.Out out = new FlowFixtures.Out();

    private UpRequest request(IpConfig how, Backend backend, String pin) throws Exception {
        return new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, pin, how, backend,
                Duration.ofSeconds(20), DnsMode.DHCPCD, false, paths(tmp));
    }

    private SessionState up(List<Transcript> ts, UpRequest req) {
        try (ReplayingRunner runner = new ReplayingRunner(ts)) {
            return new UpFlow(runner, pacer, out.writer, p -> true).run(req);
        }
    }

    @Test
    void should_apply_the_lease_write_state_and_keep_the_users_dns_lines() throws Exception {
        UpRequest req = request(IpConfig.DHCP, Backend.QMICLI, null);
        Files.createDirectories(req.paths().resolvHead().getParent());
        Files.writeString(req.paths().resolvHead(), "#OpenDns Servers\nnameserver 1.1.1.1\nnameserver 1.0.0.1\n");

        SessionState s = up(transcripts("up/e397u-53-dhcp"), req);

        assertEquals("100.66.12.65", s.addressing().address());
        assertEquals(30, s.addressing().prefix());
        assertEquals(List.of(new SessionState.DataSession("ipv4", 1, 3634376449L)), s.sessions());
        assertEquals(SessionState.Phase.UP, new StateStore(req.paths().stateFile("cdc-wdm0")).read().orElseThrow().phase());
        assertEquals("#OpenDns Servers\nnameserver 1.1.1.1\nnameserver 1.0.0.1\n"
                + DnsBlock.begin("cdc-wdm0") + "\nnameserver 10.177.0.34\nnameserver 10.177.0.210\n"
                + DnsBlock.end("cdc-wdm0") + "\n", Files.readString(req.paths().resolvHead()));
        assertTrue(out.toString().contains("address:  100.66.12.65/30 (dhcp)"), out.toString());
        assertTrue(out.toString().contains("signal:   lte -63 dBm, 3/4 bars"), out.toString());
    }

    @Test
    void should_send_ip_type_4_and_say_why_on_libqmi_1_16_2() throws Exception {
        List<Transcript> ts = transcripts("up/e397u-53-dhcp");
        replace(ts, "--version", t -> Transcript.of(t.argv(), 0, qmicliFixture("1.16.2/version/ok.out"), ""));
        replace(ts, START_1_32, t -> Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0",
                START_1_32 + ",ip-type=4", "--client-cid=1", "--client-no-release-cid"), 0,
                qmicliFixture("1.16.2/wds-start-network/unquoted-handle.out"), ""));

        SessionState s = up(ts, request(IpConfig.DHCP, Backend.QMICLI, null));

        assertEquals(3634026241L, s.sessions().get(0).packetDataHandle(), "1.16's unquoted handle was read");
        assertEquals("1.16.2", s.libqmiVersion());
        assertTrue(out.toString().contains("libqmi 1.16.2 has the IP-family bug (Debian #845979): sending ip-type=4"),
                out.toString());
    }

    @Test
    void should_diagnose_qmi_error_64_and_release_the_client_id() throws Exception {
        List<Transcript> rec = transcripts("up/e397u-53-dhcp");
        List<Transcript> ts = new java.util.ArrayList<>(rec.subList(0, FlowFixtures.indexOf(rec, START_1_32) + 1));
        replace(ts, "--version", t -> Transcript.of(t.argv(), 0, "qmicli 1.16.0\n", ""));
        replace(ts, START_1_32, t -> Transcript.of(t.argv(), 1,
                qmicliFixture("1.16.2/wds-start-network/metro-pcs-error-64.out"),
                qmicliFixture("1.16.2/wds-start-network/metro-pcs-error-64.err")));
        ts.add(Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-noop", "--client-cid=1"), 0, "", ""));
        UpRequest req = request(IpConfig.DHCP, Backend.QMICLI, null);

        QmiConnException e = assertThrows(QmiConnException.class, () -> up(ts, req));

        assertEquals(ExitCode.LIBQMI_BROKEN, e.exitCode());
        assertTrue(e.getMessage().contains("QMI protocol error 64"), e.getMessage());
        assertTrue(e.getMessage().contains("IP-family bug"), e.getMessage());
        assertTrue(e.getMessage().endsWith("WDS client id 1 released"), e.getMessage());
        assertFalse(Files.exists(req.paths().stateFile("cdc-wdm0")));
    }

    @Test
    void should_refuse_qmi_network_on_libqmi_1_16_2_before_touching_the_modem() throws Exception {
        List<Transcript> ts = new java.util.ArrayList<>(transcripts("up/e397u-53-dhcp").subList(0, 1));
        replace(ts, "--version", t -> Transcript.of(t.argv(), 0, qmicliFixture("1.16.2/version/ok.out"), ""));

        QmiConnException e = assertThrows(QmiConnException.class,
                () -> up(ts, request(IpConfig.DHCP, Backend.QMI_NETWORK, null)));

        assertEquals(ExitCode.LIBQMI_BROKEN, e.exitCode());
        assertTrue(e.getMessage().contains("--backend qmicli"), e.getMessage());
    }

    @Test
    void should_release_cid_when_start_fails_and_show_the_call_end_reason() throws Exception {
        UpRequest req = request(IpConfig.AUTO, Backend.QMICLI, null);
        List<Transcript> ts = transcripts("up/call-failed");
        assertEquals(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-noop", "--client-cid=1"),
                ts.get(ts.size() - 1).argv(), "the recording ends with the release");

        QmiConnException e = assertThrows(QmiConnException.class, () -> up(ts, req));

        assertEquals(ExitCode.CALL_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("call end reason: generic-unspecified, [3gpp] option-unsubscribed"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("WDS client id 1 released"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(req.paths().stateFile("cdc-wdm0")));
    }

    @Test
    void should_enter_the_pin_then_configure_statically() throws Exception {
        SessionState s = up(transcripts("up/pin-static"), request(IpConfig.STATIC, Backend.QMICLI, "1234"));

        assertEquals("static", s.addressing().source());
        assertEquals("100.66.12.66", s.addressing().gateway());
        assertTrue(out.toString().contains("SIM unlocked with the PIN"));
        assertTrue(pacer.slept.compareTo(Duration.ZERO) > 0, "registration was waited for with backoff");
    }

    @Test
    void should_refuse_to_enter_the_pin_with_one_attempt_left() throws Exception {
        List<Transcript> ts = new java.util.ArrayList<>(transcripts("up/pin-static").subList(0, 3));
        replace(ts, "--uim-get-card-status", t -> Transcript.of(t.argv(), 0,
                t.stdout().replaceFirst("PIN1 retries: '3'", "PIN1 retries: '1'"), ""));

        QmiConnException e = assertThrows(QmiConnException.class,
                () -> up(ts, request(IpConfig.STATIC, Backend.QMICLI, "1234")));

        assertEquals(ExitCode.SIM_ERROR, e.exitCode());
        assertTrue(e.getMessage().startsWith("refusing to enter the PIN: only 1 attempt left"), e.getMessage());
    }

    @Test
    void should_ask_for_a_pin_when_the_sim_needs_one() throws Exception {
        List<Transcript> ts = new java.util.ArrayList<>(transcripts("up/pin-static").subList(0, 3));

        QmiConnException e = assertThrows(QmiConnException.class,
                () -> up(ts, request(IpConfig.STATIC, Backend.QMICLI, null)));

        assertEquals(ExitCode.SIM_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains("give --pin"), e.getMessage());
    }

    @Test
    void should_stop_at_the_timeout_when_the_network_never_registers() throws Exception {
        List<Transcript> rec = transcripts("up/pin-static");
        int firstServing = FlowFixtures.indexOf(rec, "--nas-get-serving-system");
        Transcript notYet = rec.get(firstServing);
        assertTrue(notYet.stdout().contains("Registration state: 'not-registered'"), notYet.stdout());
        Transcript searching = Transcript.of(notYet.argv(), 0, notYet.stdout().replace(
                "Registration state: 'not-registered'", "Registration state: 'not-registered-searching'"), "");
        // version, serving (not yet), card status, verify PIN, operating mode; then searching until the timeout
        List<Transcript> ts = new java.util.ArrayList<>(rec.subList(0, FlowFixtures.indexOf(rec,
                "--dms-get-operating-mode") + 1));
        for (int i = 0; i < 40; i++) {
            ts.add(searching);
        }
        UpRequest req = new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, "1234",
                IpConfig.DHCP, Backend.QMICLI, Duration.ofSeconds(5), DnsMode.DHCPCD, false, paths(tmp));

        QmiConnException e;
        ReplayingRunner runner = new ReplayingRunner(ts);
        e = assertThrows(QmiConnException.class, () -> new UpFlow(runner, pacer, out.writer, p -> true).run(req));

        assertEquals(ExitCode.NO_SERVICE, e.exitCode());
        assertTrue(e.getMessage().startsWith("no usable service after 5 s: registration not-registered-searching"),
                e.getMessage());
        assertEquals(Duration.ofSeconds(5), pacer.slept, "backoff sleeps add up to exactly the timeout");
        long polls = runner.callsMade().stream().filter(a -> a.contains("--nas-get-serving-system")).count();
        assertTrue(polls >= 4 && polls <= 8, "backoff, not a busy loop: " + polls + " polls");
    }

    /** {@code --wds-set-ip-family=N} on a kept client: qmicli 1.32.2 prints only the client's block. */
    private static Transcript bind(int family, int cid) {
        return Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-set-ip-family=" + family,
                "--client-cid=" + cid, "--client-no-release-cid"), 0, "[/dev/cdc-wdm0] Client ID not released:\n"
                + "\tService: 'wds'\n\t    CID: '" + cid + "'\n", "");
    }

    @Test
    void should_stop_the_ipv4_session_and_release_both_cids_when_the_ipv6_start_fails() throws Exception {
        List<Transcript> rec = transcripts("up/e397u-53-dhcp");
        Transcript started = rec.get(FlowFixtures.indexOf(rec, START_1_32));
        Transcript failed = transcripts("up/call-failed").get(FlowFixtures.indexOf(transcripts("up/call-failed"),
                START_1_32));
        List<Transcript> ts = new java.util.ArrayList<>(rec.subList(0, FlowFixtures.indexOf(rec, START_1_32)));
        Transcript allocate = rec.get(FlowFixtures.indexOf(rec, START_1_32) - 1);
        ts.remove(ts.size() - 1); // the recorded allocation: replayed below, once per family
        ts.add(allocate);
        ts.add(bind(4, 1));
        ts.add(Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", START_1_32 + ",ip-type=4", "--client-cid=1",
                "--client-no-release-cid"), 0, started.stdout(), ""));
        ts.add(Transcript.of(allocate.argv(), 0, allocate.stdout().replace("CID: '1'", "CID: '2'"), ""));
        ts.add(bind(6, 2));
        ts.add(Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", START_1_32 + ",ip-type=6", "--client-cid=2",
                "--client-no-release-cid"), 1, failed.stdout().replace("CID: '1'", "CID: '2'"), failed.stderr()));
        ts.add(Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-noop", "--client-cid=2"), 0, "", ""));
        ts.addAll(transcripts("down/after-up")); // --wds-stop-network=3634376449 --client-cid=1, flush wwan0
        UpRequest req = new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null,
                ConnectOptions.IpType.V4V6, null, IpConfig.DHCP, Backend.QMICLI, Duration.ofSeconds(20), DnsMode.DHCPCD,
                false, paths(tmp));

        QmiConnException e = assertThrows(QmiConnException.class, () -> up(ts, req));

        assertEquals(ExitCode.CALL_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("WDS client id 2 released; the session was stopped"), e.getMessage());
        assertFalse(Files.exists(req.paths().stateFile("cdc-wdm0")));
    }

    @Test
    void should_stop_the_session_and_release_the_cid_when_the_first_state_write_fails() throws Exception {
        UpRequest req = request(IpConfig.DHCP, Backend.QMICLI, null);
        Path stateFile = req.paths().stateFile("cdc-wdm0");
        List<Transcript> rec = transcripts("up/e397u-53-dhcp");
        List<Transcript> ts = new java.util.ArrayList<>(rec.subList(0, FlowFixtures.indexOf(rec, START_1_32) + 1));
        // the session was never recorded, its client id was: released (which ends the call); wwan0 never touched
        ts.add(Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-noop", "--client-cid=1"), 0, "", ""));
        ReplayingRunner replay = new ReplayingRunner(ts);
        // once the session is up the state file's path turns into a directory: rename(2) onto it fails, even as root
        CommandRunner runner = new CommandRunner() {
            @Override
            public CommandResult run(CommandSpec spec) {
                CommandResult r = replay.run(spec);
                if (spec.argv().stream().anyMatch(a -> a.startsWith(START_1_32))) {
                    try {
                        Files.delete(stateFile); // written before the start: the client id is recorded
                        Files.createDirectories(stateFile);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return r;
            }

            @Override
            public BackgroundProcess start(CommandSpec spec) {
                return replay.start(spec);
            }
        };

        QmiConnException e = assertThrows(QmiConnException.class,
                () -> new UpFlow(runner, pacer, out.writer, p -> true).run(req));

        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot write " + stateFile), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the session was stopped and its client id released"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(ts.size(), replay.callsMade().size(), "every recorded call made, the stop and release too");
        replay.close();
    }
}
