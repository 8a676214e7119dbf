package dev.qmiconn.emulator;

/** Device management: identity, operating mode and the DMS flavour of PIN handling. */
final class DmsService implements ServiceHandler {

    static final int SERVICE = 0x02;
    static final int GET_MANUFACTURER = 0x0021;
    static final int GET_MODEL = 0x0022;
    static final int GET_REVISION = 0x0023;
    static final int GET_IDS = 0x0025;
    static final int UIM_VERIFY_PIN = 0x0028;
    static final int UIM_GET_PIN_STATUS = 0x002B;
    static final int UIM_GET_ICCID = 0x003C;
    static final int UIM_GET_IMSI = 0x0043;
    static final int GET_OPERATING_MODE = 0x002D;
    static final int SET_OPERATING_MODE = 0x002E;

    @Override
    public int service() {
        return SERVICE;
    }

    @Override
    public Reply handle(QmiMessage request, ModemState modem) {
        Identity id = modem.scenario.identity();
        return switch (request.messageId()) {
            case GET_MANUFACTURER -> Reply.ok(Tlv.string(0x01, id.manufacturer()));
            case GET_MODEL -> Reply.ok(Tlv.string(0x01, id.model()));
            case GET_REVISION -> Reply.ok(Tlv.string(0x01, id.revision()));
            case GET_IDS -> ids(id);
            case GET_OPERATING_MODE -> Reply.ok(Tlv.u8(0x01, modem.operatingMode()),
                    Tlv.u8(0x11, 0)); // hardware restricted mode: no
            case SET_OPERATING_MODE -> setMode(request, modem);
            case UIM_VERIFY_PIN -> verifyPin(request, modem);
            case UIM_GET_PIN_STATUS -> pinStatus(modem);
            case UIM_GET_ICCID -> iccid(modem, id);
            case UIM_GET_IMSI -> imsi(modem, id);
            default -> Reply.error(QmiError.INVALID_QMI_COMMAND);
        };
    }

    private static Reply ids(Identity id) {
        java.util.List<Tlv> tlvs = new java.util.ArrayList<>();
        tlvs.add(Tlv.string(0x10, id.esn() == null ? "0" : id.esn()));
        tlvs.add(Tlv.string(0x11, id.imei()));
        if (id.meid() != null) {
            tlvs.add(Tlv.string(0x12, id.meid()));
        }
        if (id.imeiSv() != null) {
            tlvs.add(Tlv.string(0x13, id.imeiSv()));
        }
        return Reply.ok(tlvs);
    }

    private static Reply setMode(QmiMessage request, ModemState modem) {
        Tlv tlv = request.tlv(0x01).orElse(null);
        if (tlv == null || tlv.length() != 1) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        int mode = tlv.value()[0] & 0xFF;
        if (mode > 7) {
            return Reply.error(QmiError.INVALID_QMI_COMMAND);
        }
        modem.setOperatingMode(mode);
        return Reply.ok();
    }

    /** DMS UIM Verify PIN (0x0028): TLV 0x01 = u8 pin id, u8-prefixed PIN; answers retries in 0x10. */
    private static Reply verifyPin(QmiMessage request, ModemState modem) {
        Tlv tlv = request.tlv(0x01).orElse(null);
        if (tlv == null || tlv.length() < 2) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        String pin = tlv.prefixedString(1);
        QmiError result = modem.verifyPin(pin);
        SimCard.Pins pins = modem.pins();
        Tlv retries = new Tlv.Writer().u8(pins.pinRetries()).u8(pins.pukRetries()).tlv(0x10);
        return result == QmiError.NONE ? Reply.ok() : Reply.error(result, retries);
    }

    /** DMS UIM Get ICCID (0x003C): TLV 0x01 string. EF_ICCID needs no PIN, so a locked card answers too. */
    private static Reply iccid(ModemState modem, Identity id) {
        return modem.scenario.sim().present() ? Reply.ok(Tlv.string(0x01, id.iccid())) : Reply.error(QmiError.NO_SIM);
    }

    /**
     * DMS UIM Get IMSI (0x0043): TLV 0x01 string. EF_IMSI is behind PIN1 (3GPP TS 31.102), so until the PIN is
     * verified the card is not readable: this emulator answers UimUninitialized then.
     */
    private static Reply imsi(ModemState modem, Identity id) {
        if (!modem.scenario.sim().present()) {
            return Reply.error(QmiError.NO_SIM);
        }
        return modem.simReady() ? Reply.ok(Tlv.string(0x01, id.imsi())) : Reply.error(QmiError.UIM_UNINITIALIZED);
    }

    private static Reply pinStatus(ModemState modem) {
        Sim sim = modem.scenario.sim();
        if (!sim.present()) {
            return Reply.error(QmiError.NO_SIM);
        }
        SimCard.Pins pins = modem.pins();
        return Reply.ok(new Tlv.Writer().u8(pins.pin1State()).u8(pins.pinRetries()).u8(pins.pukRetries()).tlv(0x11),
                new Tlv.Writer().u8(1).u8(3).u8(10).tlv(0x12));
    }
}
