package dev.qmiconn.emulator;

/** User identity module: card status and PIN1 verification (qmicli --uim-get-card-status, --uim-verify-pin). */
final class UimService implements ServiceHandler {

    static final int SERVICE = 0x0B;
    static final int VERIFY_PIN = 0x0026;
    static final int GET_CARD_STATUS = 0x002F;

    /** A USIM AID (3GPP RID A0000000871002 + app code), as real cards report. */
    private static final byte[] USIM_AID = {(byte) 0xA0, 0x00, 0x00, 0x00, (byte) 0x87, 0x10, 0x02, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x89, 0x06, 0x19, 0x00, 0x00};

    @Override
    public int service() {
        return SERVICE;
    }

    @Override
    public Reply handle(QmiMessage request, ModemState modem) {
        return switch (request.messageId()) {
            case GET_CARD_STATUS -> cardStatus(modem);
            case VERIFY_PIN -> verifyPin(request, modem);
            default -> Reply.error(QmiError.INVALID_QMI_COMMAND);
        };
    }

    private static Reply cardStatus(ModemState modem) {
        Sim sim = modem.scenario.sim();
        Tlv.Writer w = new Tlv.Writer();
        if (!sim.present()) {
            w.u16(0xFFFF).u16(0xFFFF).u16(0xFFFF).u16(0xFFFF).u8(1);
            w.u8(0).u8(0).u8(0).u8(0).u8(3).u8(0); // absent, no ATR received, no applications
            return Reply.ok(w.tlv(0x10));
        }
        SimCard.Pins pins = modem.pins();
        int retries = pins.pinRetries();
        int pin1 = pins.pin1State();
        // QmiUimCardApplicationState: 2 pin1-or-upin-pin-required, 3 puk required, 7 ready
        int appState = pin1 == 1 ? 2 : pin1 == 4 ? 3 : 7;
        w.u16(0x0000).u16(0xFFFF).u16(0xFFFF).u16(0xFFFF); // GW primary: slot 0 app 0
        w.u8(1); // one card
        w.u8(1).u8(0).u8(0).u8(0).u8(0); // present, UPIN not initialized, retries 0/0, no error
        w.u8(1); // one application
        w.u8(2).u8(appState).u8(2).u8(0).u8(0).u8(0); // USIM, state, personalization ready, feature, retries
        w.u8(USIM_AID.length).raw(USIM_AID);
        // UPIN replaces PIN1: no; PIN1 state/retries/PUK1 retries; PIN2 enabled-not-verified, 3 and 10 retries
        w.u8(0).u8(pin1).u8(retries).u8(pins.pukRetries()).u8(1).u8(3).u8(10);
        return Reply.ok(w.tlv(0x10));
    }

    /** UIM Verify PIN: TLV 0x01 session, 0x02 = u8 pin id, u8-prefixed PIN; retries in 0x10 on failure. */
    private static Reply verifyPin(QmiMessage request, ModemState modem) {
        Tlv info = request.tlv(0x02).orElse(null);
        if (info == null || info.length() < 2) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        QmiError result = modem.verifyPin(info.prefixedString(1));
        SimCard.Pins pins = modem.pins();
        Tlv retries = new Tlv.Writer().u8(pins.pinRetries()).u8(pins.pukRetries()).tlv(0x10);
        return result == QmiError.NONE ? Reply.ok(retries) : Reply.error(result, retries);
    }
}
