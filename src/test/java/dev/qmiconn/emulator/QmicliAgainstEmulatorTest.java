package dev.qmiconn.emulator;

import static dev.qmiconn.emulator.QmicliOutput.plain;
import static dev.qmiconn.emulator.QmicliOutput.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * The real qmicli 1.32.2 against the emulator over socat and a raw pty: what it prints must be the
 * scenario's values, and no client id may be left behind. Emulators run on a manual clock, so counters
 * and timelines are exact.
 */
@RealTools({"qmicli", "socat"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QmicliAgainstEmulatorTest {

    private QmicliRig e397;
    private Scenario scenario;

    @BeforeAll
    void start() throws Exception {
        e397 = new QmicliRig(Scenario.load("e397u-53"), new ManualClock());
        scenario = e397.emulator.scenario();
    }

    @AfterAll
    void stop() {
        if (e397 != null) {
            e397.close();
        }
    }

    /** Runs qmicli, records it as ACTION/emulator-CASE when recording, and expects exit 0. */
    static CommandResult ok(QmicliRig rig, String action, String caseName, String... args) throws Exception {
        CommandResult r = rig.qmicli(args);
        if (action != null) {
            rig.record(action, caseName, r);
        }
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + " failed: " + r.stderr());
        return r;
    }

    @Test
    void should_report_the_scenarios_identity() throws Exception {
        Identity id = scenario.identity();
        CommandResult ids = ok(e397, "dms-get-ids", "e397u-53", "--dms-get-ids");
        assertEquals(id.imei(), quoted(ids.stdout(), "IMEI"));
        assertEquals(id.esn(), quoted(ids.stdout(), "ESN"));
        assertEquals(id.manufacturer(), quoted(ok(e397, "dms-get-manufacturer", "e397u-53",
                "--dms-get-manufacturer").stdout(), "Manufacturer"));
        assertEquals(id.model(), quoted(ok(e397, "dms-get-model", "e397u-53", "--dms-get-model").stdout(), "Model"));
        assertEquals(id.revision(), quoted(ok(e397, "dms-get-revision", "e397u-53", "--dms-get-revision").stdout(),
                "Revision"));
        assertEquals("online", quoted(ok(e397, "dms-get-operating-mode", "e397u-53",
                "--dms-get-operating-mode").stdout(), "Mode"));
        String versions = ok(e397, "get-service-version-info", "e397u-53", "--get-service-version-info").stdout();
        assertTrue(versions.contains("\twds (1.12)") && !versions.contains("wda"), versions);
        assertEquals(0, e397.emulator.liveClientIds());
    }

    @Test
    void should_report_a_ready_sim_signal_and_registration() throws Exception {
        String card = ok(e397, "uim-get-card-status", "e397u-53", "--uim-get-card-status").stdout();
        assertEquals("present", quoted(card, "Card state"));
        assertEquals("ready", quoted(card, "Application state"));
        assertEquals("disabled", quoted(card, "PIN1 state"));

        Radio radio = scenario.radio();
        String signal = ok(e397, "nas-get-signal-strength", "e397u-53", "--nas-get-signal-strength").stdout();
        assertTrue(signal.contains("Current:\n\tNetwork 'lte': '" + radio.rssi() + " dBm'"), signal);
        assertTrue(signal.contains("RSRQ:\n\tNetwork 'lte': '" + radio.rsrq() + " dB'"), signal);
        assertTrue(signal.contains("SNR:\n\tNetwork 'lte': '" + radio.snr() + " dB'"), signal);
        assertTrue(signal.contains("RSRP:\n\tNetwork 'lte': '" + radio.rsrp() + " dBm'"), signal);

        String serving = ok(e397, "nas-get-serving-system", "e397u-53", "--nas-get-serving-system").stdout();
        assertEquals("registered", quoted(serving, "Registration state"));
        assertEquals("attached", quoted(serving, "PS"));
        assertEquals(String.valueOf(radio.mcc()), quoted(serving, "MCC"));
        assertEquals(String.valueOf(radio.mnc()), quoted(serving, "MNC"));
        assertEquals(radio.operatorName(), quoted(serving, "Description"));
        assertEquals("off", quoted(serving, "Roaming status"));
        assertEquals(String.valueOf(radio.cellId()), quoted(serving, "3GPP cell ID"));
        assertEquals(String.valueOf(radio.tac()), quoted(serving, "LTE tracking area code"));
        assertEquals(0, e397.emulator.liveClientIds());
    }

    @Test
    void should_start_report_count_and_stop_a_session_leaving_no_client_id() throws Exception {
        ManualClock clock = new ManualClock();
        try (QmicliRig rig = new QmicliRig(Scenario.load("e397u-53"), clock)) {
            String apn = scenario.data().apns().get(0);
            String started = ok(rig, "wds-start-network", "e397u-53", "--wds-start-network=apn=" + apn
                    + ",ip-type=4", "--client-no-release-cid").stdout();
            String handle = quoted(started, "Packet data handle");
            String cid = quoted(started, "CID");
            assertEquals(1, rig.emulator.liveSessions());
            assertEquals(1, rig.emulator.liveClientIds());

            assertEquals("connected", quoted(ok(rig, "wds-get-packet-service-status", "e397u-53-connected",
                    "--wds-get-packet-service-status").stdout(), "Connection status"));
            Data.Ipv4 v4 = scenario.data().ipv4();
            String settings = ok(rig, "wds-get-current-settings", "e397u-53", "--wds-get-current-settings").stdout();
            assertEquals("IPv4", plain(settings, "IP Family"));
            assertEquals(v4.address(), plain(settings, "IPv4 address"));
            assertEquals(InetUtil.mask(v4.prefix()), plain(settings, "IPv4 subnet mask"));
            assertEquals(v4.gateway(), plain(settings, "IPv4 gateway address"));
            assertEquals(v4.dns1(), plain(settings, "IPv4 primary DNS"));
            assertEquals(v4.dns2(), plain(settings, "IPv4 secondary DNS"));
            assertEquals(String.valueOf(v4.mtu()), plain(settings, "MTU"));

            clock.advanceSeconds(10);
            String stats = ok(rig, "wds-get-packet-statistics", "e397u-53-10s-up", "--wds-get-packet-statistics")
                    .stdout();
            assertEquals(String.valueOf(10 * Packets.TX_PACKETS_PER_SECOND), plain(stats, "TX packets OK"));
            assertEquals(String.valueOf(10 * Packets.RX_PACKETS_PER_SECOND * Packets.RX_BYTES_PER_PACKET),
                    plain(stats, "RX bytes OK"));

            ok(rig, "wds-stop-network", "e397u-53", "--wds-stop-network=" + handle, "--client-cid=" + cid);
            assertEquals(0, rig.emulator.liveSessions());
            assertEquals(0, rig.emulator.liveClientIds());
            assertEquals("disconnected", quoted(ok(rig, "wds-get-packet-service-status", "e397u-53-disconnected",
                    "--wds-get-packet-service-status").stdout(), "Connection status"));
            clock.advanceSeconds(5);
            String after = rig.qmicli("--wds-get-packet-statistics").stdout();
            assertEquals(plain(stats, "TX bytes OK"), plain(after, "TX bytes OK"), "no growth while down");
        }
    }

    @Test
    void should_refuse_wda_on_the_e397u_53_exactly_as_the_metro_pcs_transcript_shows() throws Exception {
        CommandResult r = e397.qmicli("--wda-get-data-format");
        e397.record("wda-get-data-format", "e397u-53-wda-unsupported", r);
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains(
                "error: couldn't create client for the 'wda' service: QMI protocol error (31): 'InvalidServiceType'"),
                r.stderr());
        assertEquals(0, e397.emulator.liveClientIds());
    }

    @Test
    void should_report_raw_ip_through_wda_and_hand_out_ipv6_on_a_modern_modem() throws Exception {
        try (QmicliRig raw = new QmicliRig(Scenario.load("raw-ip"), new ManualClock())) {
            String format = ok(raw, "wda-get-data-format", "raw-ip", "--wda-get-data-format").stdout();
            assertEquals("raw-ip", quoted(format, "Link layer protocol"));
            String started = ok(raw, "wds-start-network", "raw-ip-ipv6",
                    "--wds-start-network=apn=internet,ip-type=6", "--client-no-release-cid").stdout();
            String cid = "--client-cid=" + quoted(started, "CID");
            Data.Ipv6 v6 = raw.emulator.scenario().data().ipv6();
            // a fresh client is IPv4 and sees no IPv4 call; the IPv6 client, once bound, answers for IPv6
            assertEquals(1, raw.qmicli("--wds-get-current-settings").exitCode(), "OutOfCall on a fresh client");
            ok(raw, null, null, "--wds-set-ip-family=6", cid, "--client-no-release-cid");
            String settings = ok(raw, null, null, "--wds-get-current-settings", cid, "--client-no-release-cid")
                    .stdout();
            assertEquals("IPv6", plain(settings, "IP Family"));
            assertEquals(v6.address() + "/" + v6.prefix(), plain(settings, "IPv6 address"));
            assertEquals(v6.dns1(), plain(settings, "IPv6 primary DNS"));
            ok(raw, null, null, "--device-open-sync", "--wds-noop");
            assertEquals(0, raw.emulator.liveClientIds());
            assertEquals(0, raw.emulator.liveSessions(), "sync takes the call down with its client");

            ok(raw, "wda-set-data-format", "raw-ip-to-802-3", "--wda-set-data-format=link-layer-protocol=802-3");
            assertEquals("802-3", raw.emulator.linkLayer());
            assertEquals("802-3", quoted(raw.qmicli("--wda-get-data-format").stdout(), "Link layer protocol"));
            ok(raw, "dms-set-operating-mode", "raw-ip-low-power", "--dms-set-operating-mode=low-power");
            assertEquals(1, raw.qmicli("--nas-get-signal-strength").exitCode(), "no signal with the radio off");
            ok(raw, null, null, "--dms-set-operating-mode=online");
            assertEquals("online", quoted(raw.qmicli("--dms-get-operating-mode").stdout(), "Mode"));
            assertEquals(0, raw.emulator.liveClientIds());
        }
    }

    @Test
    void should_print_call_failed_with_the_scenarios_call_end_reason_and_release_with_noop() throws Exception {
        try (QmicliRig failing = new QmicliRig(Scenario.load("call-failed"), new ManualClock())) {
            CommandResult r = failing.qmicli("--wds-start-network=apn=fast.metropcs.com",
                    "--client-no-release-cid");
            failing.record("wds-start-network", "call-failed", r);
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().contains("error: couldn't start network: QMI protocol error (14): 'CallFailed'"),
                    r.stderr());
            assertTrue(r.stderr().contains("call end reason (1): generic-unspecified"), r.stderr());
            assertTrue(r.stderr().contains("verbose call end reason (6,33): [3gpp] option-unsubscribed"),
                    r.stderr());
            String cid = quoted(r.stdout(), "CID");
            assertEquals(1, failing.emulator.liveClientIds(), "qmicli kept the CID as asked");
            ok(failing, "wds-noop", "call-failed-release", "--wds-noop", "--client-cid=" + cid);
            assertEquals(0, failing.emulator.liveClientIds());
        }
    }

    @Test
    void should_release_leaked_client_ids_on_device_open_sync() throws Exception {
        try (QmicliRig rig = new QmicliRig(Scenario.load("e397u-53"), new ManualClock())) {
            String kept = ok(rig, "dms-noop", "e397u-53-no-release", "--dms-noop", "--client-no-release-cid")
                    .stdout();
            assertEquals("1", quoted(kept, "CID"));
            assertEquals(1, rig.emulator.liveClientIds());
            ok(rig, null, null, "--device-open-sync", "--device-open-version-info", "--nas-get-signal-strength");
            assertEquals(0, rig.emulator.liveClientIds());
        }
    }
}
