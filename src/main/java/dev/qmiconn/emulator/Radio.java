package dev.qmiconn.emulator;

/**
 * The radio side as NAS reports it.
 *
 * @param technology          {@code lte}, {@code umts} or {@code gsm}
 * @param rssi                dBm, the "Current" strength qmicli prints
 * @param rsrq                dB (LTE only)
 * @param rsrp                dBm (LTE only)
 * @param snr                 dB with one decimal (LTE only; sent as tenths)
 * @param ecio                dBm as qmicli prints it, e.g. -2.5 (UMTS only)
 * @param registers           false: never registers (searching forever)
 * @param registrationSeconds seconds after power-on (or coming online) until registered
 * @param mcc                 mobile country code
 * @param mnc                 mobile network code
 * @param operatorName        PLMN description
 * @param roaming             roaming indicator on
 * @param lac                 3GPP location area code
 * @param cellId              3GPP cell id
 * @param tac                 LTE tracking area code
 */
public record Radio(String technology, int rssi, Integer rsrq, Integer rsrp, Double snr, Double ecio,
                    Boolean registers, Double registrationSeconds, int mcc, int mnc, String operatorName,
                    boolean roaming, Integer lac, Long cellId, Integer tac) {

    static final Radio DEFAULT = new Radio("lte", -69, -8, -96, 11.2, null, true, 0.0, 310, 260, "Emulated", false,
            null, 0x1A2B3CL, 0x2F01);

    public Radio {
        technology = technology == null ? "lte" : technology;
        if (!technology.equals("lte") && !technology.equals("umts") && !technology.equals("gsm")) {
            throw new IllegalArgumentException("radio.technology must be lte, umts or gsm, got '" + technology + "'");
        }
        registers = registers == null ? Boolean.TRUE : registers;
        registrationSeconds = registrationSeconds == null ? 0.0 : registrationSeconds;
        operatorName = operatorName == null ? "" : operatorName;
    }

    /** QmiNasRadioInterface: gsm 4, umts 5, lte 8. */
    int radioInterface() {
        return switch (technology) {
            case "gsm" -> 4;
            case "umts" -> 5;
            default -> 8;
        };
    }
}
