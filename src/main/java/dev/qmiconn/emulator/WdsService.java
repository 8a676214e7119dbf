package dev.qmiconn.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wireless data: start/stop the data calls (one per IP family), their status, the settings they hand out and
 * packet counters. Status and settings answer for the asking client's IP family (Set IP Family; IPv4 until set).
 */
final class WdsService implements ServiceHandler {

    static final int SERVICE = 0x01;
    static final int START_NETWORK = 0x0020;
    static final int STOP_NETWORK = 0x0021;
    static final int GET_PACKET_SERVICE_STATUS = 0x0022;
    static final int GET_PACKET_STATISTICS = 0x0024;
    static final int GET_CURRENT_SETTINGS = 0x002D;
    static final int SET_IP_FAMILY = 0x004D;

    /** The "global" handle qmicli sends for {@code --wds-stop-network=disable-autoconnect}. */
    static final long GLOBAL_HANDLE = 0xFFFFFFFFL;

    @Override
    public int service() {
        return SERVICE;
    }

    @Override
    public Reply handle(QmiMessage request, ModemState modem) {
        return switch (request.messageId()) {
            case START_NETWORK -> new StartNetwork(request, modem).run();
            case STOP_NETWORK -> stop(request, modem);
            case GET_PACKET_SERVICE_STATUS -> Reply.ok(Tlv.u8(0x01,
                    modem.session(modem.clientFamily(request.clientId())).isPresent() ? 2 : 1));
            case SET_IP_FAMILY -> setIpFamily(request, modem);
            case GET_PACKET_STATISTICS -> statistics(modem);
            case GET_CURRENT_SETTINGS -> currentSettings(request, modem);
            default -> Reply.error(QmiError.INVALID_QMI_COMMAND);
        };
    }

    private static Reply stop(QmiMessage request, ModemState modem) {
        Tlv tlv = request.tlv(0x01).orElse(null);
        if (tlv == null || tlv.length() != 4) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        long handle = tlv.reader().getInt() & 0xFFFFFFFFL;
        Optional<ActiveSession> live = modem.sessionOwnedBy(request.clientId());
        if (live.isPresent() && (handle == live.get().handle() || handle == GLOBAL_HANDLE)) {
            modem.endSession(live.get());
            return Reply.ok();
        }
        // A handle this modem gave out earlier whose call is gone already (dropped, stopped): no effect.
        if (live.isEmpty() && (handle == GLOBAL_HANDLE || (handle != 0 && handle <= modem.lastHandle()
                && handle >= ModemState.FIRST_HANDLE))) {
            return Reply.error(QmiError.NO_EFFECT);
        }
        return Reply.error(QmiError.INVALID_HANDLE);
    }

    /** TLV 0x01: 4 or 6 (QmiWdsIpFamily); the client keeps it until released. */
    private static Reply setIpFamily(QmiMessage request, ModemState modem) {
        Optional<Tlv> tlv = request.tlv(0x01);
        if (tlv.isEmpty() || tlv.get().value().length != 1) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        int family = tlv.get().value()[0] & 0xFF;
        if (family != 4 && family != 6) {
            return Reply.error(QmiError.INVALID_IP_FAMILY_PREFERENCE);
        }
        modem.bindClientFamily(request.clientId(), family);
        return Reply.ok();
    }

    private static Reply statistics(ModemState modem) {
        Packets.Counters c = modem.packetCounters();
        return Reply.ok(Tlv.u32(0x10, c.txPackets()), Tlv.u32(0x11, c.rxPackets()), Tlv.u32(0x12, 0),
                Tlv.u32(0x13, 0), Tlv.u32(0x14, 0), Tlv.u32(0x15, 0), Tlv.u64(0x19, c.txBytes()),
                Tlv.u64(0x1A, c.rxBytes()), Tlv.u64(0x1B, c.lastCallTxBytes()), Tlv.u64(0x1C, c.lastCallRxBytes()),
                Tlv.u32(0x1D, 0), Tlv.u32(0x1E, 0));
    }

    private static Reply currentSettings(QmiMessage request, ModemState modem) {
        Optional<ActiveSession> live = modem.session(modem.clientFamily(request.clientId()));
        if (live.isEmpty()) {
            return Reply.error(QmiError.OUT_OF_CALL);
        }
        ActiveSession s = live.get();
        Data data = modem.scenario.data();
        List<Tlv> tlvs = new ArrayList<>();
        tlvs.add(Tlv.string(0x14, s.apn()));
        if (s.username() != null) {
            tlvs.add(Tlv.string(0x1B, s.username()));
        }
        tlvs.add(Tlv.u8(0x1D, s.auth()));
        if (s.ipFamily() == 6) {
            Data.Ipv6 v6 = data.ipv6();
            tlvs.add(Tlv.u8(0x11, 2));
            tlvs.add(new Tlv.Writer().raw(InetUtil.ipv6(v6.address())).u8(v6.prefix()).tlv(0x25));
            tlvs.add(new Tlv.Writer().raw(InetUtil.ipv6(v6.gateway())).u8(v6.prefix()).tlv(0x26));
            if (v6.dns1() != null) {
                tlvs.add(new Tlv(0x27, InetUtil.ipv6(v6.dns1())));
            }
            if (v6.dns2() != null) {
                tlvs.add(new Tlv(0x28, InetUtil.ipv6(v6.dns2())));
            }
        } else {
            Data.Ipv4 v4 = data.ipv4();
            tlvs.add(Tlv.u8(0x11, 0));
            tlvs.add(Tlv.u32(0x15, InetUtil.ipv4(v4.dns1())));
            if (v4.dns2() != null) {
                tlvs.add(Tlv.u32(0x16, InetUtil.ipv4(v4.dns2())));
            }
            tlvs.add(Tlv.u32(0x1E, InetUtil.ipv4(v4.address())));
            tlvs.add(Tlv.u32(0x20, InetUtil.ipv4(v4.gateway())));
            tlvs.add(Tlv.u32(0x21, InetUtil.ipv4(InetUtil.mask(v4.prefix()))));
        }
        tlvs.add(Tlv.u32(0x29, data.ipv4().mtu()));
        tlvs.add(Tlv.u8(0x2B, s.ipFamily()));
        return Reply.ok(tlvs);
    }
}
