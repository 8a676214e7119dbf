package dev.qmiconn.connect;

import static dev.qmiconn.connect.FlowFixtures.indexOf;
import static dev.qmiconn.connect.FlowFixtures.paths;
import static dev.qmiconn.connect.FlowFixtures.recorded;
import static dev.qmiconn.connect.FlowFixtures.replace;
import static dev.qmiconn.connect.FlowFixtures.transcripts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/**
 * {@code up} and {@code status} on libqmi 1.16.0 and 1.16.2, whose {@code --uim-get-card-status} prints the
 * pre-1.22 layout ({@code Card [0]:}, counted from 0). The recorded 1.32.2 flows
 * (test-fixtures/transcripts) with every call whose output differs on 1.16 swapped for the real 1.16 output or
 * the card states derived from it (test-fixtures/qmicli/1.16.x). The SIM wait must behave exactly as on 1.32.2.
 */
class OldLibqmiReplayTest {

    private static final List<String> DEV = List.of("qmicli", "-d", "/dev/cdc-wdm0");
    private static final String CARD = "--uim-get-card-status";
    private static final String START = "--wds-start-network=apn='fast.metropcs.com'";

    @TempDir
    Path tmp;

    private final FlowFixtures.FakePacer pacer = new FlowFixtures.FakePacer();
    private final FlowFixtures.Out out = new FlowFixtures.Out();

    private static List<String> argv(String... action) {
        List<String> a = new ArrayList<>(DEV);
        a.addAll(List.of(action));
        return a;
    }

    private static Transcript card(String version, String caseName) {
        return recorded(version, "uim-get-card-status", caseName, argv(CARD));
    }

    /**
     * The pin-static recording (not registered yet, PIN needed, registration waited for) as libqmi
     * {@code version} prints it: its banner, its card layout (still initialising, then PIN required), and its
     * start: 1.16.0 gets no ip-type (it has no such key), 1.16.2 gets ip-type=4 (the IP-family bug).
     */
    private static List<Transcript> pinFlow(String version) {
        List<Transcript> ts = transcripts("up/pin-static");
        replace(ts, "--version", t -> recorded(version, "version", "ext-emulator", t.argv()));
        int c = indexOf(ts, CARD);
        ts.set(c, card(version, "derived-pin-required"));
        ts.add(c, card(version, "derived-sim-initialising"));
        boolean bug = version.equals("1.16.2");
        replace(ts, START, t -> recorded(version, "wds-start-network", bug ? "ext-emulator-ip-type-4"
                : "ext-emulator-no-ip-type", argv(START + (bug ? ",ip-type=4" : ""), "--client-cid=1",
                "--client-no-release-cid")));
        return ts;
    }

    private UpRequest request(String pin) throws Exception {
        return new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, pin,
                IpConfig.STATIC, Backend.QMICLI, Duration.ofSeconds(20), false, false, paths(tmp));
    }

    private SessionState up(List<Transcript> ts, UpRequest req) {
        try (ReplayingRunner runner = new ReplayingRunner(ts)) {
            SessionState s = new UpFlow(runner, pacer, out.writer, p -> true).run(req);
            runner.verifyAllConsumed();
            return s;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.16.0", "1.16.2"})
    void should_wait_for_the_sim_enter_the_pin_and_connect_as_on_1_32_2(String version) throws Exception {
        SessionState s = up(pinFlow(version), request("1234"));

        assertEquals(version, s.libqmiVersion());
        assertEquals("100.66.12.65", s.addressing().address());
        assertEquals(version.equals("1.16.2") ? 3634026241L : 3634026242L, s.sessions().get(0).packetDataHandle());
        assertTrue(out.toString().contains("SIM unlocked with the PIN"), out.toString());
        assertTrue(pacer.slept.compareTo(Duration.ZERO) > 0, "SIM and registration were waited for");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.16.0", "1.16.2"})
    void should_ask_for_the_pin_with_the_tries_left_on_the_old_layout(String version) throws Exception {
        List<Transcript> ts = new ArrayList<>(pinFlow(version).subList(0, indexOf(pinFlow(version), CARD) + 2));

        QmiConnException e = assertThrows(QmiConnException.class, () -> up(ts, request(null)));

        assertEquals(ExitCode.SIM_ERROR, e.exitCode());
        assertEquals("the SIM needs its PIN (3 attempts left): give --pin NNNN", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.16.0", "1.16.2"})
    void should_refuse_the_pin_on_the_last_try_and_stop_at_a_puk_on_the_old_layout(String version)
            throws Exception {
        List<Transcript> ts = new ArrayList<>(pinFlow(version).subList(0, indexOf(pinFlow(version), CARD) + 1));
        ts.add(card(version, "derived-pin-one-try-left"));
        QmiConnException last = assertThrows(QmiConnException.class, () -> up(ts, request("1234")));
        ts.set(ts.size() - 1, card(version, "derived-puk-required"));
        QmiConnException puk = assertThrows(QmiConnException.class, () -> up(ts, request("1234")));

        assertEquals(ExitCode.SIM_ERROR, last.exitCode());
        assertTrue(last.getMessage().startsWith("refusing to enter the PIN: only 1 attempt left"), last.getMessage());
        assertEquals(ExitCode.SIM_ERROR, puk.exitCode());
        assertTrue(puk.getMessage().startsWith("the SIM's PIN is blocked (10 PUK attempts left)"), puk.getMessage());
    }

    @Test
    void should_report_output_it_cannot_read_as_unreadable_naming_the_libqmi_not_as_a_modem_error() throws Exception {
        List<Transcript> ts = new ArrayList<>(pinFlow("1.16.0").subList(0, indexOf(pinFlow("1.16.0"), CARD)));
        ts.add(Transcript.of(argv(CARD), 0, "[/dev/cdc-wdm0] Successfully got card status\nUICC [0]:\n", ""));

        QmiConnException e = assertThrows(QmiConnException.class, () -> up(ts, request("1234")));

        assertEquals(ExitCode.UNREADABLE_OUTPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot read qmicli --uim-get-card-status output: no 'Slot [N]:'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; libqmi 1.16.0"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.16.0", "1.16.2", "1.22.4", "1.26.10"})
    void should_show_the_sim_and_no_error_in_status_on_every_recorded_libqmi(String version) throws Exception {
        List<Transcript> ts = List.of(
                recorded(version, "version", "ext-emulator", List.of("qmicli", "--version")),
                card(version, "ext-emulator-idle"),
                recorded(version, "nas-get-serving-system", "ext-emulator-idle", argv("--nas-get-serving-system")),
                recorded(version, "nas-get-signal-strength", "ext-emulator-idle", argv("--nas-get-signal-strength")),
                recorded(version, "wds-get-packet-service-status", "ext-emulator-idle",
                        argv("--wds-get-packet-service-status")));
        StatusReport r;
        try (ReplayingRunner runner = new ReplayingRunner(ts)) {
            r = new StatusFlow(runner, pacer, p -> true).run("/dev/cdc-wdm0", false, paths(tmp));
            runner.verifyAllConsumed();
        }

        assertEquals(List.of(), r.errors());
        assertTrue(r.sim().present());
        assertEquals("disabled", r.sim().pin1State());
        assertEquals(3, r.sim().pin1Retries());
        assertEquals(version, r.libqmi().version());
        assertEquals("registered", r.state());
        assertNull(r.session());
    }
}
