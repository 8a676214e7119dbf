package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

class AtBringUpTest {

    private static final Duration REPLY = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(50);

    private static Transcript ok(String... argv) {
        return Transcript.of(List.of(argv), 0, "", "");
    }

    static List<Transcript> applyOnWwan0() {
        return List.of(ok("ip", "link", "set", "dev", "wwan0", "up"),
                ok("ip", "-4", "addr", "flush", "dev", "wwan0"),
                ok("ip", "-4", "addr", "add", "10.0.0.1/30", "dev", "wwan0"),
                ok("ip", "-4", "route", "replace", "default", "via", "10.0.0.2", "dev", "wwan0"));
    }

    @Test
    void should_dial_wait_for_the_session_and_apply_the_dhcp_settings() {
        AtScenario slowDial = AtScenario.e397u53().withConnectDelay(Duration.ofMillis(200));
        try (EmulatedPort port = new EmulatedPort(slowDial); ReplayingRunner ip = new ReplayingRunner(applyOnWwan0())) {
            DhcpSettings s = new AtBringUp(ip, POLL).up(new AtModem(port.session, REPLY), "fp.com.attz", "wwan0",
                    Duration.ofSeconds(5));
            assertEquals("10.0.0.1/30", s.cidr());
            assertEquals("8.8.4.4", s.dns2());
            assertTrue(port.emulator.modem().sessionUp());
        }
    }

    @Test
    void should_reuse_a_session_that_is_already_up() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withConnectDelay(Duration.ZERO));
             ReplayingRunner ip = new ReplayingRunner(applyOnWwan0())) {
            AtModem modem = new AtModem(port.session, REPLY);
            modem.connect("fp.com.attz");
            awaitSessionUp(port);
            int before = port.emulator.modem().commandsSeen();
            new AtBringUp(ip, POLL).up(modem, "fp.com.attz", "wwan0", Duration.ofSeconds(5));
            // AT, AT+CMEE=1, AT^NDISSTATQRY?, AT^DHCP?: no second NDISDUP
            assertEquals(before + 4, port.emulator.modem().commandsSeen());
        }
    }

    /** The emulator brings the session up on its timer thread, a moment after NDISDUP's OK. */
    static void awaitSessionUp(EmulatedPort port) {
        long until = System.nanoTime() + 2_000_000_000L;
        while (!port.emulator.modem().sessionUp() && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertTrue(port.emulator.modem().sessionUp());
    }

    private static final Transcript FLUSH = ok("ip", "-4", "addr", "flush", "dev", "wwan0");

    @Test
    void should_fail_the_call_with_the_network_cause_for_an_unknown_apn() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53());
             ReplayingRunner ip = new ReplayingRunner(List.of(FLUSH))) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new AtBringUp(ip, POLL)
                    .up(new AtModem(port.session, REPLY), "wrong.apn", "wwan0", Duration.ofSeconds(5)));
            assertEquals(ExitCode.CALL_FAILED, e.exitCode());
            assertEquals("the modem could not start the data session: ^NDISSTATQRY reports cause 33 "
                    + "(requested service option not subscribed: check the APN); the session was hung up "
                    + "(AT^NDISDUP=1,0)", e.getMessage());
        }
    }

    @Test
    void should_stop_waiting_at_the_timeout() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withConnectDelay(Duration.ofSeconds(30)));
             ReplayingRunner ip = new ReplayingRunner(List.of(FLUSH))) {
            long start = System.nanoTime();
            QmiConnException e = assertThrows(QmiConnException.class, () -> new AtBringUp(ip, POLL)
                    .up(new AtModem(port.session, REPLY), "fp.com.attz", "wwan0", Duration.ofMillis(600)));
            assertTrue(System.nanoTime() - start < 2_000_000_000L);
            assertEquals("the data session was not up within 0.6 s (last state: connecting); the session was hung "
                    + "up (AT^NDISDUP=1,0)", e.getMessage());
            assertFalse(port.emulator.modem().sessionUp());
        }
    }

    @Test
    void should_say_sim_missing_before_dialing() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withSim(AtScenario.Sim.ABSENT));
             ReplayingRunner ip = new ReplayingRunner(List.of())) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new AtBringUp(ip, POLL)
                    .up(new AtModem(port.session, REPLY), "fp.com.attz", "wwan0", Duration.ofSeconds(5)));
            assertEquals(ExitCode.SIM_ERROR, e.exitCode());
            assertTrue(e.getMessage().contains("SIM not inserted"), e.getMessage());
        }
    }

    @Test
    void should_say_no_service_when_not_registered() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withRegistered(false));
             ReplayingRunner ip = new ReplayingRunner(List.of())) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new AtBringUp(ip, POLL)
                    .up(new AtModem(port.session, REPLY), "fp.com.attz", "wwan0", Duration.ofSeconds(5)));
            assertEquals(ExitCode.NO_SERVICE, e.exitCode());
        }
    }

    @Test
    void should_report_no_address_when_ip_refuses() {
        List<Transcript> failing = List.of(ok("ip", "link", "set", "dev", "wwan0", "up"),
                ok("ip", "-4", "addr", "flush", "dev", "wwan0"),
                Transcript.of(List.of("ip", "-4", "addr", "add", "10.0.0.1/30", "dev", "wwan0"), 2, "",
                        "RTNETLINK answers: Operation not permitted\n"), FLUSH);
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withConnectDelay(Duration.ZERO));
             ReplayingRunner ip = new ReplayingRunner(failing)) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new AtBringUp(ip, POLL)
                    .up(new AtModem(port.session, REPLY), "fp.com.attz", "wwan0", Duration.ofSeconds(5)));
            assertEquals(ExitCode.NO_ADDRESS, e.exitCode());
            assertEquals("cannot configure wwan0: ip -4 addr add 10.0.0.1/30 dev wwan0 exited 2: "
                    + "RTNETLINK answers: Operation not permitted; the session was hung up (AT^NDISDUP=1,0)",
                    e.getMessage());
            assertFalse(port.emulator.modem().sessionUp(), "nothing is left half up");
        }
    }

    @Test
    void should_hang_up_and_flush_the_address_on_down() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withConnectDelay(Duration.ZERO));
             ReplayingRunner ip = new ReplayingRunner(List.of(ok("ip", "-4", "addr", "flush", "dev", "wwan0")))) {
            AtModem modem = new AtModem(port.session, REPLY);
            modem.connect("fp.com.attz");
            awaitSessionUp(port);
            new AtBringUp(ip, POLL).down(modem, "wwan0");
            assertFalse(port.emulator.modem().sessionUp());
        }
    }

    @Test
    void should_wait_on_dhcp_like_the_guide_when_the_firmware_lacks_ndisstatqry() {
        AtScenario old = AtScenario.e397u53().withUnsupported("AT^NDISSTATQRY")
                .withConnectDelay(Duration.ofMillis(200));
        try (EmulatedPort port = new EmulatedPort(old); ReplayingRunner ip = new ReplayingRunner(applyOnWwan0())) {
            DhcpSettings s = new AtBringUp(ip, POLL).up(new AtModem(port.session, REPLY), "fp.com.attz", "wwan0",
                    Duration.ofSeconds(5));
            assertEquals("10.0.0.1/30", s.cidr());
        }
    }

    @Test
    void should_give_up_on_dhcp_at_the_timeout_when_the_firmware_lacks_ndisstatqry() {
        AtScenario old = AtScenario.e397u53().withUnsupported("AT^NDISSTATQRY");
        try (EmulatedPort port = new EmulatedPort(old); ReplayingRunner ip = new ReplayingRunner(List.of(FLUSH))) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new AtBringUp(ip, POLL)
                    .up(new AtModem(port.session, REPLY), "wrong.apn", "wwan0", Duration.ofMillis(800)));
            assertEquals(ExitCode.CALL_FAILED, e.exitCode());
            assertTrue(e.getMessage().startsWith("AT^DHCP? named no address within 0.8 s of AT^NDISDUP"),
                    e.getMessage());
        }
    }
}
