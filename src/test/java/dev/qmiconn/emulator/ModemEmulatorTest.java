package dev.qmiconn.emulator;

import static dev.qmiconn.emulator.QmiTestClient.error;
import static dev.qmiconn.emulator.QmiTestClient.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's modem logic, in-process (no socket, no tools), on a clock the test moves. */
class ModemEmulatorTest {

    private final ManualClock clock = new ManualClock();
    private final List<ModemEmulator> started = new ArrayList<>();

    private QmiTestClient modem(String scenario) {
        ModemEmulator e = ModemEmulator.start(Scenario.load(scenario), null, clock);
        started.add(e);
        return new QmiTestClient(e);
    }

    private ModemEmulator last() {
        return started.get(started.size() - 1);
    }

    @AfterEach
    void close() {
        started.forEach(ModemEmulator::close);
    }

    @Test
    void should_count_client_ids_up_and_back_to_zero() {
        QmiTestClient c = modem("e397u-53");
        int dms = c.allocate(DmsService.SERVICE);
        int wds = c.allocate(WdsService.SERVICE);
        int wds2 = c.allocate(WdsService.SERVICE);
        assertEquals(3, last().liveClientIds());
        assertTrue(wds2 != wds);
        assertEquals(0, c.release(DmsService.SERVICE, dms));
        assertEquals(0, c.release(WdsService.SERVICE, wds));
        assertEquals(7, c.release(WdsService.SERVICE, wds), "a second release is InvalidClientId");
        assertEquals(1, last().liveClientIds());
        assertEquals(0, error(c.call(0, 0, CtlService.SYNC)));
        assertEquals(0, last().liveClientIds());
    }

    @Test
    void should_refuse_a_wda_client_with_invalid_service_type_on_the_e397u_53() {
        QmiTestClient c = modem("e397u-53");
        assertEquals(31, error(c.call(0, 0, CtlService.ALLOCATE_CID, Tlv.u8(0x01, WdaService.SERVICE))));
        QmiTestClient raw = modem("raw-ip");
        int wda = raw.allocate(WdaService.SERVICE);
        QmiMessage format = raw.call(WdaService.SERVICE, wda, WdaService.GET_DATA_FORMAT);
        assertEquals(2, value(format, 0x11).getInt(), "raw-ip");
    }

    @Test
    void should_answer_client_ids_exhausted_past_the_scenarios_limit() {
        QmiTestClient c = modem("cid-limit");
        for (int i = 0; i < 4; i++) {
            c.allocate(NasService.SERVICE);
        }
        assertEquals(5, error(c.call(0, 0, CtlService.ALLOCATE_CID, Tlv.u8(0x01, NasService.SERVICE))));
        assertEquals(4, last().liveClientIds());
    }

    @Test
    void should_answer_unknown_messages_with_invalid_qmi_command_and_stale_cids_with_invalid_client_id() {
        QmiTestClient c = modem("e397u-53");
        int nas = c.allocate(NasService.SERVICE);
        assertEquals(71, error(c.call(NasService.SERVICE, nas, 0x0099)));
        assertEquals(7, error(c.call(NasService.SERVICE, nas + 1, NasService.GET_SIGNAL_STRENGTH)));
    }

    @Test
    void should_start_a_session_hand_out_the_scenarios_settings_and_stop_it() {
        QmiTestClient c = modem("e397u-53");
        List<Optional<EmulatedModem.SessionSettings>> seen = new ArrayList<>();
        last().onSessionChange(seen::add);
        int wds = c.allocate(WdsService.SERVICE);
        QmiMessage started = c.startNetwork(wds, "fast.metropcs.com");
        assertEquals(0, error(started));
        long handle = value(started, 0x01).getInt() & 0xFFFFFFFFL;
        assertEquals(1, last().liveSessions());
        Data.Ipv4 v4 = last().scenario().data().ipv4();
        assertEquals(v4.address(), last().session().orElseThrow().address());
        assertEquals(List.of(last().session()), seen);

        QmiMessage settings = c.call(WdsService.SERVICE, wds, WdsService.GET_CURRENT_SETTINGS);
        assertEquals(InetUtil.ipv4(v4.address()), value(settings, 0x1E).getInt() & 0xFFFFFFFFL);
        assertEquals(InetUtil.ipv4("255.255.255.252"), value(settings, 0x21).getInt() & 0xFFFFFFFFL);
        assertEquals(v4.mtu(), value(settings, 0x29).getInt());

        assertEquals(26, error(c.startNetwork(wds, "fast.metropcs.com")), "NoEffect while up");
        assertEquals(9, error(c.call(WdsService.SERVICE, wds, WdsService.STOP_NETWORK, Tlv.u32(0x01, 42))));
        assertEquals(0, error(c.call(WdsService.SERVICE, wds, WdsService.STOP_NETWORK, Tlv.u32(0x01, handle))));
        assertEquals(0, last().liveSessions());
        assertEquals(Optional.empty(), seen.get(seen.size() - 1));
        assertEquals(15, error(c.call(WdsService.SERVICE, wds, WdsService.GET_CURRENT_SETTINGS)), "OutOfCall");
    }

    @Test
    void should_hold_one_call_per_ip_family_and_answer_each_client_for_the_family_it_is_bound_to() {
        QmiTestClient c = modem("raw-ip");
        int four = c.allocate(WdsService.SERVICE);
        int six = c.allocate(WdsService.SERVICE);
        assertEquals(0, error(c.call(WdsService.SERVICE, six, WdsService.SET_IP_FAMILY, Tlv.u8(0x01, 6))));
        assertEquals(0, error(c.startNetwork(four, "internet")), "an unbound client starts IPv4");
        assertEquals(0, error(c.startNetwork(six, "internet")), "the bound one IPv6, beside it");
        assertEquals(2, last().liveSessions());
        assertEquals(26, error(c.startNetwork(c.allocate(WdsService.SERVICE), "internet", Tlv.u8(0x19, 6))),
                "NoEffect: IPv6 is up already");

        Data.Ipv6 v6 = last().scenario().data().ipv6();
        QmiMessage settings6 = c.call(WdsService.SERVICE, six, WdsService.GET_CURRENT_SETTINGS);
        byte[] address = new byte[16];
        value(settings6, 0x25).get(address);
        assertEquals(java.util.Arrays.toString(InetUtil.ipv6(v6.address())), java.util.Arrays.toString(address));
        QmiMessage settings4 = c.call(WdsService.SERVICE, c.allocate(WdsService.SERVICE),
                WdsService.GET_CURRENT_SETTINGS);
        assertEquals(InetUtil.ipv4(last().scenario().data().ipv4().address()),
                value(settings4, 0x1E).getInt() & 0xFFFFFFFFL, "a fresh client is IPv4");

        c.release(WdsService.SERVICE, four);
        assertEquals(1, last().liveSessions(), "releasing the IPv4 client ends only its call");
        assertEquals(2, value(c.call(WdsService.SERVICE, six, WdsService.GET_PACKET_SERVICE_STATUS), 0x01).get());
        assertEquals(1, value(c.call(WdsService.SERVICE, c.allocate(WdsService.SERVICE),
                WdsService.GET_PACKET_SERVICE_STATUS), 0x01).get(), "an IPv4 client sees no IPv4 call");
    }

    @Test
    void should_still_answer_when_a_listener_throws() {
        QmiTestClient c = modem("e397u-53");
        last().onSessionChange(s -> {
            throw new IllegalStateException("listener bug");
        });
        int wds = c.allocate(WdsService.SERVICE);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
        assertEquals(1, last().liveSessions());
    }

    @Test
    void should_end_the_call_when_its_wds_client_is_released() {
        QmiTestClient c = modem("e397u-53");
        int wds = c.allocate(WdsService.SERVICE);
        assertEquals(0, error(c.startNetwork(wds, "fp.com.attz")));
        c.release(WdsService.SERVICE, wds);
        assertEquals(0, last().liveSessions());
    }

    @Test
    void should_fail_calls_the_network_would_refuse_with_call_end_reasons() {
        QmiTestClient c = modem("pap");
        int wds = c.allocate(WdsService.SERVICE);
        assertCallFailed(c.startNetwork(wds, "internet"), 1, 6, 27);
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com"), 10, 6, 29);
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com", Tlv.u8(0x16, 1), Tlv.string(0x17, "metro"),
                Tlv.string(0x18, "wrong")), 10, 6, 29);
        assertEquals(64, error(c.startNetwork(wds, "fast.metropcs.com", Tlv.u8(0x19, 0))),
                "the libqmi 1.16.2 IP family 0 bug");
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com", Tlv.u8(0x19, 6)), 1, 9, 3);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com", Tlv.u8(0x16, 3), Tlv.string(0x17, "metro"),
                Tlv.string(0x18, "secret"))));
    }

    @Test
    void should_fail_with_the_scenarios_call_end_reason() {
        QmiTestClient c = modem("call-failed");
        int wds = c.allocate(WdsService.SERVICE);
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com"), 1, 6, 33);
        assertEquals(0, last().liveSessions());
    }

    @Test
    void should_need_the_pin_before_registering_and_count_wrong_tries() {
        QmiTestClient c = modem("pin");
        int nas = c.allocate(NasService.SERVICE);
        int uim = c.allocate(UimService.SERVICE);
        clock.advanceSeconds(5);
        assertEquals(0, value(c.call(NasService.SERVICE, nas, NasService.GET_SERVING_SYSTEM), 0x01).get());
        QmiMessage wrong = c.call(UimService.SERVICE, uim, UimService.VERIFY_PIN, pinInfo("0000"));
        assertEquals(12, error(wrong));
        assertEquals(2, value(wrong, 0x10).get());
        assertEquals(0, error(c.call(UimService.SERVICE, uim, UimService.VERIFY_PIN, pinInfo("1234"))));
        assertEquals(2, value(c.call(NasService.SERVICE, nas, NasService.GET_SERVING_SYSTEM), 0x01).get(),
                "searching during the registration delay");
        assertEquals(74, error(c.call(NasService.SERVICE, nas, NasService.GET_SIGNAL_STRENGTH)));
        clock.advanceSeconds(1);
        assertEquals(1, value(c.call(NasService.SERVICE, nas, NasService.GET_SERVING_SYSTEM), 0x01).get());
        assertEquals(-63, value(c.call(NasService.SERVICE, nas, NasService.GET_SIGNAL_STRENGTH), 0x01).get());
    }

    @Test
    void should_report_an_absent_card_and_stay_unregistered_without_a_sim() {
        QmiTestClient c = modem("no-sim");
        int uim = c.allocate(UimService.SERVICE);
        int nas = c.allocate(NasService.SERVICE);
        ByteBuffer status = value(c.call(UimService.SERVICE, uim, UimService.GET_CARD_STATUS), 0x10);
        status.position(8);
        assertEquals(1, status.get(), "one slot");
        assertEquals(0, status.get(), "card state absent");
        clock.advanceSeconds(60);
        assertEquals(0, value(c.call(NasService.SERVICE, nas, NasService.GET_SERVING_SYSTEM), 0x01).get());
        assertEquals(102, error(c.call(UimService.SERVICE, uim, UimService.VERIFY_PIN, pinInfo("1234"))));
    }

    @Test
    void should_never_register_in_no_signal_and_fail_starts_with_no_service() {
        QmiTestClient c = modem("no-signal");
        int wds = c.allocate(WdsService.SERVICE);
        clock.advanceSeconds(600);
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com"), 3, 3, 2001);
    }

    @Test
    void should_drop_a_flaky_session_and_allow_starts_again_after_the_gap() {
        QmiTestClient c = modem("flaky");
        List<Optional<EmulatedModem.SessionSettings>> seen = new ArrayList<>();
        last().onSessionChange(seen::add);
        int wds = c.allocate(WdsService.SERVICE);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
        clock.advanceSeconds(3.9);
        last().tick();
        assertEquals(1, last().liveSessions());
        clock.advanceSeconds(0.2);
        last().tick();
        assertEquals(0, last().liveSessions());
        assertEquals(Optional.empty(), seen.get(1));
        assertEquals(1, value(c.call(WdsService.SERVICE, wds, WdsService.GET_PACKET_SERVICE_STATUS), 0x01).get());
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com"), 3, 3, 2001);
        clock.advanceSeconds(3);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
    }

    @Test
    void should_drop_the_session_on_demand_and_give_no_service_for_the_gap_asked() {
        QmiTestClient c = modem("e397u-53");
        List<Optional<EmulatedModem.SessionSettings>> seen = new ArrayList<>();
        last().onSessionChange(seen::add);
        int wds = c.allocate(WdsService.SERVICE);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
        last().dropSession(2);
        assertEquals(0, last().liveSessions());
        assertEquals(1, last().liveClientIds(), "a drop ends the call, not the client id");
        assertEquals(Optional.empty(), seen.get(seen.size() - 1));
        assertCallFailed(c.startNetwork(wds, "fast.metropcs.com"), 3, 3, 2001);
        clock.advanceSeconds(2);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
    }

    @Test
    void should_vanish_and_come_back_as_a_freshly_plugged_device() {
        QmiTestClient c = modem("vanish");
        List<Boolean> presence = new ArrayList<>();
        last().onDevicePresence(presence::add);
        int wds = c.allocate(WdsService.SERVICE);
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
        clock.advanceSeconds(3);
        last().tick();
        assertEquals(List.of(false), presence);
        assertEquals(0, last().liveClientIds());
        assertEquals(0, last().liveSessions());
        assertTrue(c.send(0, 0, CtlService.ALLOCATE_CID, Tlv.u8(0x01, 2)).isEmpty(), "nothing answers");
        clock.advanceSeconds(3);
        last().tick();
        assertEquals(List.of(false, true), presence);
        assertEquals(1, c.allocate(WdsService.SERVICE), "client ids start over after re-plug");
    }

    @Test
    void should_leave_the_first_start_unanswered_in_no_answer() {
        QmiTestClient c = modem("no-answer");
        int wds = c.allocate(WdsService.SERVICE);
        Tlv apn = Tlv.string(0x14, "fast.metropcs.com");
        assertFalse(c.send(WdsService.SERVICE, wds, WdsService.START_NETWORK, apn).isPresent());
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
    }

    @Test
    void should_start_the_session_at_once_but_answer_a_slow_reply_late() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(getClass().getResourceAsStream("/scenarios/e397u-53.json"));
        tree.putArray("faults").addObject().put("type", "slow-reply").put("request", "wds/start-network")
                .put("delaySeconds", 0.4).put("times", 1);
        ModemEmulator e = ModemEmulator.start(Scenario.parse(json.writeValueAsString(tree), "test"), null, clock);
        started.add(e);
        QmiTestClient c = new QmiTestClient(e);
        int wds = c.allocate(WdsService.SERVICE);
        List<Integer> sessionsSeen = new ArrayList<>();
        e.onSessionChange(s -> sessionsSeen.add(e.liveSessions()));

        long t0 = System.nanoTime();
        assertEquals(0, error(c.startNetwork(wds, "fast.metropcs.com")));
        long slowMs = (System.nanoTime() - t0) / 1_000_000;

        assertTrue(slowMs >= 400, "answered after " + slowMs + " ms");
        assertEquals(List.of(1), sessionsSeen, "the call was up before the answer left");
        long t1 = System.nanoTime();
        c.startNetwork(wds, "fast.metropcs.com"); // NoEffect (the call is up), and answered at once: times 1
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 400, "only the first start is slow");
    }

    @Test
    void should_grow_packet_counters_only_while_a_session_is_up() {
        QmiTestClient c = modem("e397u-53");
        int wds = c.allocate(WdsService.SERVICE);
        clock.advanceSeconds(10);
        assertEquals(0, value(c.call(WdsService.SERVICE, wds, WdsService.GET_PACKET_STATISTICS), 0x19).getLong());
        c.startNetwork(wds, "fast.metropcs.com");
        clock.advanceSeconds(2);
        ByteBuffer tx = value(c.call(WdsService.SERVICE, wds, WdsService.GET_PACKET_STATISTICS), 0x10);
        assertEquals(2 * Packets.TX_PACKETS_PER_SECOND, tx.getInt());
    }

    @Test
    void should_switch_the_data_format_through_wda() {
        QmiTestClient c = modem("raw-ip");
        int wda = c.allocate(WdaService.SERVICE);
        c.call(WdaService.SERVICE, wda, WdaService.SET_DATA_FORMAT, Tlv.u32(0x11, 1));
        assertEquals("802-3", last().linkLayer());
    }

    @Test
    void should_drop_the_call_and_registration_in_low_power() {
        QmiTestClient c = modem("e397u-53");
        int dms = c.allocate(DmsService.SERVICE);
        int wds = c.allocate(WdsService.SERVICE);
        c.startNetwork(wds, "fast.metropcs.com");
        assertEquals(0, error(c.call(DmsService.SERVICE, dms, DmsService.SET_OPERATING_MODE, Tlv.u8(0x01, 1))));
        assertEquals(0, last().liveSessions());
        assertEquals(1, value(c.call(DmsService.SERVICE, dms, DmsService.GET_OPERATING_MODE), 0x01).get());
    }

    private static Tlv pinInfo(String pin) {
        return new Tlv.Writer().u8(1).prefixedString(pin).tlv(0x02);
    }

    private static void assertCallFailed(QmiMessage r, int reason, int verboseType, int verboseReason) {
        assertEquals(14, error(r), "CallFailed");
        assertEquals(reason, value(r, 0x10).getShort());
        ByteBuffer v = value(r, 0x11);
        assertEquals(verboseType, v.getShort());
        assertEquals(verboseReason, v.getShort());
    }
}
