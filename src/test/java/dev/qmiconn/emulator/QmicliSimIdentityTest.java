package dev.qmiconn.emulator;

import static dev.qmiconn.emulator.QmicliAgainstEmulatorTest.ok;
import static dev.qmiconn.emulator.QmicliOutput.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * The real qmicli 1.32.2 reading the SIM's identity (ICCID, IMSI, home network) and the roaming indicator from
 * the emulator: what it prints must be the scenario's values. Recorded as fixtures with QMI_CONN_RECORD_FIXTURES.
 */
@RealTools({"qmicli", "socat"})
class QmicliSimIdentityTest {

    @Test
    void should_print_the_scenarios_iccid_imsi_and_home_network() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("e397u-53"), new ManualClock())) {
            Identity id = rig.emulator.scenario().identity();
            assertEquals(id.iccid(), quoted(ok(rig, "dms-uim-get-iccid", "e397u-53", "--dms-uim-get-iccid").stdout(),
                    "ICCID"));
            assertEquals(id.imsi(), quoted(ok(rig, "dms-uim-get-imsi", "e397u-53", "--dms-uim-get-imsi").stdout(),
                    "IMSI"));
            String home = ok(rig, "nas-get-home-network", "e397u-53", "--nas-get-home-network").stdout();
            assertEquals(id.imsi().substring(0, 3), quoted(home, "MCC"));
            assertEquals(id.imsi().substring(3, 6), quoted(home, "MNC"));
            assertEquals("MetroPCS", quoted(home, "Description"));
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }

    @Test
    void should_print_a_two_digit_mnc_without_its_leading_zero() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("raw-ip"), new ManualClock())) {
            String imsi = rig.emulator.scenario().identity().imsi();
            String home = ok(rig, "nas-get-home-network", "raw-ip", "--nas-get-home-network").stdout();
            assertEquals(imsi.substring(0, 3), quoted(home, "MCC"));
            assertEquals(String.valueOf(Integer.parseInt(imsi.substring(3, 5))), quoted(home, "MNC"),
                    "MNC 01 is a u16 on the wire; qmicli prints 1");
        }
    }

    @Test
    void should_read_the_iccid_but_not_the_imsi_of_a_locked_sim() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("pin"), new ManualClock())) {
            assertEquals(rig.emulator.scenario().identity().iccid(),
                    quoted(ok(rig, "dms-uim-get-iccid", "pin-locked", "--dms-uim-get-iccid").stdout(), "ICCID"));
            CommandResult imsi = rig.qmicli("--dms-uim-get-imsi");
            rig.record("dms-uim-get-imsi", "pin-locked", imsi);
            assertEquals(1, imsi.exitCode());
            assertTrue(imsi.stderr().contains("couldn't get IMSI: QMI protocol error (37): 'UimUninitialized'"),
                    imsi.stderr());
        }
    }

    @Test
    void should_refuse_the_iccid_without_a_card() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("no-sim"), new ManualClock())) {
            CommandResult r = rig.qmicli("--dms-uim-get-iccid");
            rig.record("dms-uim-get-iccid", "no-sim", r);
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().contains("couldn't get ICCID: QMI protocol error (102): 'NoSim'"), r.stderr());
        }
    }

    @Test
    void should_report_roaming_on_a_visited_network() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("roaming"), new ManualClock())) {
            String serving = ok(rig, "nas-get-serving-system", "roaming", "--nas-get-serving-system").stdout();
            assertEquals("on", quoted(serving, "Roaming status"));
            assertEquals("302", quoted(serving, "MCC"));
            String home = rig.qmicli("--nas-get-home-network").stdout();
            assertEquals("311", quoted(home, "MCC"), "the home network stays the SIM's");
        }
    }

    @Test
    void should_turn_roaming_on_and_off_along_the_scenarios_timeline() throws Exception {
        ManualClock clock = new ManualClock();
        try (QmicliRig rig = new QmicliRig(Scenario.load("roaming-later"), clock)) {
            Fault window = rig.emulator.scenario().faults().get(0);
            assertEquals("off", quoted(rig.qmicli("--nas-get-serving-system").stdout(), "Roaming status"));
            clock.advanceSeconds(window.fromSeconds());
            assertEquals("on", quoted(rig.qmicli("--nas-get-serving-system").stdout(), "Roaming status"));
            clock.advanceSeconds(window.untilSeconds() - window.fromSeconds());
            assertEquals("off", quoted(rig.qmicli("--nas-get-serving-system").stdout(), "Roaming status"));
        }
    }
}
