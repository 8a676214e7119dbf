package dev.qmiconn.emulator;

/**
 * Network access: signal strength, signal info and serving system, shaped by the scenario's radio and by
 * the registration state (radio off, searching, registered).
 */
final class NasService implements ServiceHandler {

    static final int SERVICE = 0x03;
    static final int GET_SIGNAL_STRENGTH = 0x0020;
    static final int GET_SERVING_SYSTEM = 0x0024;
    static final int GET_HOME_NETWORK = 0x0025;
    static final int GET_SIGNAL_INFO = 0x004F;

    @Override
    public int service() {
        return SERVICE;
    }

    @Override
    public Reply handle(QmiMessage request, ModemState modem) {
        return switch (request.messageId()) {
            case GET_SIGNAL_STRENGTH -> signalStrength(modem);
            case GET_SIGNAL_INFO -> signalInfo(modem);
            case GET_SERVING_SYSTEM -> servingSystem(modem);
            case GET_HOME_NETWORK -> homeNetwork(modem);
            default -> Reply.error(QmiError.INVALID_QMI_COMMAND);
        };
    }

    /**
     * Without service there is no signal to report: modems answer InformationUnavailable (74), which is
     * what the guides' {@code until qmicli --nas-get-signal-strength} loop waits out.
     */
    private static Reply signalStrength(ModemState modem) {
        if (!modem.registered()) {
            return Reply.error(QmiError.INFORMATION_UNAVAILABLE);
        }
        Radio r = modem.scenario.radio();
        int iface = r.radioInterface();
        java.util.List<Tlv> tlvs = new java.util.ArrayList<>();
        tlvs.add(new Tlv.Writer().u8(r.rssi()).u8(iface).tlv(0x01));
        // RSSI list carries the magnitude (qmicli prints -1 * value)
        tlvs.add(new Tlv.Writer().u16(1).u8(-r.rssi()).u8(iface).tlv(0x11));
        if (r.technology().equals("umts") && r.ecio() != null) {
            tlvs.add(new Tlv.Writer().u16(1).u8((int) Math.round(-2 * r.ecio())).u8(iface).tlv(0x12));
        }
        if (r.technology().equals("lte")) {
            if (r.rsrq() != null) {
                tlvs.add(new Tlv.Writer().u8(r.rsrq()).u8(iface).tlv(0x16));
            }
            if (r.snr() != null) {
                tlvs.add(Tlv.u16(0x17, (int) Math.round(r.snr() * 10)));
            }
            if (r.rsrp() != null) {
                tlvs.add(Tlv.u16(0x18, r.rsrp()));
            }
        }
        return Reply.ok(tlvs);
    }

    private static Reply signalInfo(ModemState modem) {
        if (!modem.registered()) {
            return Reply.error(QmiError.INFORMATION_UNAVAILABLE);
        }
        Radio r = modem.scenario.radio();
        return switch (r.technology()) {
            case "gsm" -> Reply.ok(Tlv.u8(0x12, r.rssi()));
            case "umts" -> Reply.ok(new Tlv.Writer().u8(r.rssi())
                    .u16(r.ecio() == null ? 0 : (int) Math.round(-2 * r.ecio())).tlv(0x13));
            default -> Reply.ok(new Tlv.Writer().u8(r.rssi()).u8(r.rsrq() == null ? 0 : r.rsrq())
                    .u16(r.rsrp() == null ? 0 : r.rsrp())
                    .u16(r.snr() == null ? 0 : (int) Math.round(r.snr() * 10)).tlv(0x14));
        };
    }

    private static Reply servingSystem(ModemState modem) {
        Radio r = modem.scenario.radio();
        if (!modem.registered()) {
            // QmiNasRegistrationState: 0 not-registered (radio off, no SIM), 2 searching; attach 2 detached
            int state = modem.searching() ? 2 : 0;
            return Reply.ok(new Tlv.Writer().u8(state).u8(2).u8(2).u8(0).u8(0).tlv(0x01));
        }
        int iface = r.radioInterface();
        java.util.List<Tlv> tlvs = new java.util.ArrayList<>();
        // registered, CS attached, PS attached, selected network 3gpp (2), one radio interface
        tlvs.add(new Tlv.Writer().u8(1).u8(1).u8(1).u8(2).u8(1).u8(iface).tlv(0x01));
        tlvs.add(Tlv.u8(0x10, modem.roaming() ? 0 : 1)); // QmiNasRoamingIndicatorStatus: 0 on, 1 off
        tlvs.add(new Tlv.Writer().u8(1).u8(dataCapability(r.technology())).tlv(0x11));
        tlvs.add(new Tlv.Writer().u16(r.mcc()).u16(r.mnc()).prefixedString(r.operatorName()).tlv(0x12));
        if (r.lac() != null) {
            tlvs.add(Tlv.u16(0x1C, r.lac()));
        }
        if (r.cellId() != null) {
            tlvs.add(Tlv.u32(0x1D, r.cellId()));
        }
        if (r.technology().equals("lte") && r.tac() != null) {
            tlvs.add(Tlv.u16(0x24, r.tac()));
        }
        return Reply.ok(tlvs);
    }

    /**
     * NAS Get Home Network: TLV 0x01 = u16 MCC, u16 MNC, u8-prefixed description, read from the SIM. The MNC is a
     * number, so a 3-digit "030" and a 2-digit "30" look alike; qmicli 1.32 prints neither the PCS-digit TLV
     * nor EF_AD, which is why the IMSI's digits decide the MNC length (see connect's HomeOperator).
     */
    private static Reply homeNetwork(ModemState modem) {
        if (!modem.simReady()) {
            return Reply.error(modem.scenario.sim().present() ? QmiError.UIM_UNINITIALIZED : QmiError.NO_SIM);
        }
        Identity id = modem.scenario.identity();
        String name = id.homeOperator() != null ? id.homeOperator() : modem.scenario.radio().operatorName();
        return Reply.ok(new Tlv.Writer().u16(id.homeMcc()).u16(id.homeMnc()).prefixedString(name).tlv(0x01));
    }

    /** QmiNasDataCapability: gprs 1, wcdma 5, lte 11. */
    private static int dataCapability(String technology) {
        return switch (technology) {
            case "gsm" -> 1;
            case "umts" -> 5;
            default -> 11;
        };
    }
}
