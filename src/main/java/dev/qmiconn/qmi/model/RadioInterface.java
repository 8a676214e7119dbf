package dev.qmiconn.qmi.model;

/** Radio access technology as qmicli names it (QmiNasRadioInterface). */
public enum RadioInterface implements QmicliEnum {
    NONE("none"),
    CDMA_1X("cdma-1x"),
    CDMA_1XEVDO("cdma-1xevdo"),
    AMPS("amps"),
    GSM("gsm"),
    UMTS("umts"),
    LTE("lte"),
    TD_SCDMA("td-scdma"),
    NR5G("5gnr"),
    UNKNOWN("unknown");

    private final String qmicli;

    RadioInterface(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static RadioInterface fromQmicli(String word) {
        return QmicliEnum.lookup(RadioInterface.class, word, UNKNOWN);
    }
}
