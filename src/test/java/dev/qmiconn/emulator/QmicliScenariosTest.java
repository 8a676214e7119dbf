package dev.qmiconn.emulator;

import static dev.qmiconn.emulator.QmicliAgainstEmulatorTest.ok;
import static dev.qmiconn.emulator.QmicliOutput.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/** The real qmicli through the scenarios that misbehave: a locked SIM, no network, a device that vanishes. */
@RealTools({"qmicli", "socat"})
class QmicliScenariosTest {

    @Test
    void should_need_the_pin_count_a_wrong_one_and_register_after_the_right_one() throws Exception {
        ManualClock clock = new ManualClock();
        try (QmicliRig rig = new QmicliRig(Scenario.load("pin"), clock)) {
            String card = ok(rig, "uim-get-card-status", "pin-required", "--uim-get-card-status").stdout();
            assertEquals("pin1-or-upin-pin-required", quoted(card, "Application state"));
            assertEquals("enabled-not-verified", quoted(card, "PIN1 state"));
            assertEquals("3", quoted(card, "PIN1 retries"));
            assertEquals("not-registered", quoted(ok(rig, "nas-get-serving-system", "pin-locked",
                    "--nas-get-serving-system").stdout(), "Registration state"));

            CommandResult wrong = rig.qmicli("--uim-verify-pin=PIN1,0000");
            rig.record("uim-verify-pin", "pin-incorrect", wrong);
            assertEquals(1, wrong.exitCode());
            assertTrue(wrong.stderr().contains("QMI protocol error (12): 'IncorrectPin'"), wrong.stderr());
            assertTrue(wrong.stderr().contains("Verify: 2"), wrong.stderr()); // qmicli prints retries on stderr

            ok(rig, "uim-verify-pin", "pin", "--uim-verify-pin=PIN1," + rig.emulator.scenario().sim().pin());
            assertEquals("not-registered-searching", quoted(ok(rig, "nas-get-serving-system", "pin-searching",
                    "--nas-get-serving-system").stdout(), "Registration state"));
            clock.advanceSeconds(rig.emulator.scenario().radio().registrationSeconds());
            assertEquals("registered", quoted(rig.qmicli("--nas-get-serving-system").stdout(), "Registration state"));
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }

    @Test
    void should_report_no_card_without_a_sim() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("no-sim"), new ManualClock())) {
            String card = ok(rig, "uim-get-card-status", "no-sim", "--uim-get-card-status").stdout();
            assertEquals("absent", quoted(card, "Card state"));
            assertFalse(card.contains("Application ["), card);
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }

    @Test
    void should_show_no_signal_searching_and_fail_starts_with_no_service() throws Exception {
        ManualClock clock = new ManualClock();
        try (QmicliRig rig = new QmicliRig(Scenario.load("no-signal"), clock)) {
            clock.advanceSeconds(120);
            CommandResult signal = rig.qmicli("--nas-get-signal-strength");
            rig.record("nas-get-signal-strength", "no-signal", signal);
            assertEquals(1, signal.exitCode());
            assertTrue(signal.stderr().contains("error: couldn't get signal strength: QMI protocol error (74): "
                    + "'InformationUnavailable'"), signal.stderr());
            assertEquals("not-registered-searching", quoted(ok(rig, "nas-get-serving-system", "no-signal",
                    "--nas-get-serving-system").stdout(), "Registration state"));

            CommandResult start = rig.qmicli("--wds-start-network=apn=fast.metropcs.com", "--client-no-release-cid");
            rig.record("wds-start-network", "no-signal", start);
            assertEquals(1, start.exitCode());
            assertTrue(start.stderr().contains("call end reason (3): generic-no-service"), start.stderr());
            assertTrue(start.stderr().contains("verbose call end reason (3,2001): [cm] no-service"), start.stderr());
            ok(rig, null, null, "--wds-noop", "--client-cid=" + quoted(start.stdout(), "CID"));
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }

    @Test
    void should_refuse_client_ids_past_the_modems_limit_until_they_are_released() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("cid-limit"), new ManualClock())) {
            int limit = rig.emulator.scenario().clientIdLimit();
            for (int i = 0; i < limit; i++) {
                ok(rig, null, null, "--wds-noop", "--client-no-release-cid");
            }
            CommandResult start = rig.qmicli("--wds-start-network=apn=fast.metropcs.com", "--client-no-release-cid");
            rig.record("wds-start-network", "cid-limit", start);
            assertEquals(1, start.exitCode());
            assertTrue(start.stderr().contains("QMI protocol error (5): 'ClientIdsExhausted'"), start.stderr());
            assertEquals(limit, rig.emulator.liveClientIds());
            ok(rig, null, null, "--device-open-sync", "--dms-get-ids");
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }

    /** Takes qmicli's own 10 s allocation timeout: the one slow case of the tier. */
    @Test
    void should_make_qmicli_time_out_when_the_modem_stays_silent() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(Scenario.class.getResourceAsStream("/scenarios/e397u-53.json"));
        tree.put("name", "silent-allocate");
        tree.putArray("faults").addObject().put("type", "no-answer").put("request", "ctl/allocate-cid").put("times", 1);
        Scenario silent = Scenario.parse(json.writeValueAsString(tree), "silent-allocate");
        try (QmicliRig rig = new QmicliRig(silent, new ManualClock())) {
            CommandResult r = rig.qmicli("--dms-get-ids");
            rig.record("dms-get-ids", "no-answer", r);
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().contains("error: couldn't create client for the 'dms' service: "
                    + "CID allocation failed in the CTL client: Transaction timed out"), r.stderr());
            assertTrue(r.duration().toMillis() >= 9_000, "qmicli waited its 10 s: " + r.duration());
            assertEquals(0, rig.emulator.liveClientIds(), "an unanswered allocation allocates nothing");
            ok(rig, null, null, "--dms-get-ids");
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }

    @Test
    void should_hang_up_the_bridge_when_the_device_vanishes_and_serve_a_new_one_after_it_returns()
            throws Exception {
        ManualClock clock = new ManualClock();
        Scenario vanishing = Scenario.parse(Scenario.class.getResourceAsStream("/scenarios/vanish.json"), "vanish");
        try (QmicliRig rig = new QmicliRig(vanishing, clock)) {
            List<Boolean> presence = new CopyOnWriteArrayList<>();
            rig.emulator.onDevicePresence(presence::add);
            ok(rig, null, null, "--wds-start-network=apn=fast.metropcs.com", "--client-no-release-cid");
            assertEquals(1, rig.emulator.liveSessions());

            clock.advanceSeconds(vanishing.faults().get(0).fromSeconds());
            rig.emulator.tick();
            assertEquals(List.of(false), presence);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (rig.bridgeAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(rig.bridgeAlive(), "socat ends when the emulator hangs up");
            assertEquals(0, rig.emulator.liveSessions());

            clock.advanceSeconds(vanishing.faults().get(0).returnAtSeconds());
            rig.emulator.tick();
            assertEquals(List.of(false, true), presence);
            rig.rebridge();
            assertEquals(vanishing.identity().imei(), quoted(ok(rig, null, null, "--dms-get-ids").stdout(), "IMEI"));
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }
}
