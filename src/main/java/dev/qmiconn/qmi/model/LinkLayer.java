package dev.qmiconn.qmi.model;

/** Link layer protocol: WDA's and the kernel's expected data format ({@code 802-3} or {@code raw-ip}). */
public enum LinkLayer implements QmicliEnum {
    ETHERNET_802_3("802-3"),
    RAW_IP("raw-ip"),
    QMAP_PASS_THROUGH("qmap-pass-through"),
    UNKNOWN("unknown");

    private final String qmicli;

    LinkLayer(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static LinkLayer fromQmicli(String word) {
        return QmicliEnum.lookup(LinkLayer.class, word, UNKNOWN);
    }
}
