package dev.qmiconn.emulator;

/** QMI protocol errors the emulator answers with (numbers from libqmi qmi-errors.h, as qmicli prints them). */
public enum QmiError {
    NONE(0),
    MALFORMED_MESSAGE(1),
    INTERNAL(3),
    CLIENT_IDS_EXHAUSTED(5),
    INVALID_CLIENT_ID(7),
    INVALID_HANDLE(9),
    INCORRECT_PIN(12),
    NO_NETWORK_FOUND(13),
    CALL_FAILED(14),
    OUT_OF_CALL(15),
    MISSING_ARGUMENT(17),
    NO_EFFECT(26),
    INVALID_SERVICE_TYPE(31),
    AUTHENTICATION_FAILED(34),
    PIN_BLOCKED(35),
    PIN_ALWAYS_BLOCKED(36),
    UIM_UNINITIALIZED(37),
    INVALID_DATA_FORMAT(45),
    DEVICE_NOT_READY(52),
    INVALID_IP_FAMILY_PREFERENCE(64),
    INVALID_QMI_COMMAND(71),
    INFORMATION_UNAVAILABLE(74),
    NOT_SUPPORTED(94),
    NO_SIM(102);

    private final int code;

    QmiError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The mandatory result TLV 0x02: u16 status (0 success, 1 failure), u16 error code. */
    public Tlv resultTlv() {
        return new Tlv.Writer().u16(this == NONE ? 0 : 1).u16(code).tlv(0x02);
    }
}
