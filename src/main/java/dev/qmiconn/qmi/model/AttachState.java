package dev.qmiconn.qmi.model;

/** CS/PS attach state ({@code --nas-get-serving-system}, QmiNasAttachState). */
public enum AttachState implements QmicliEnum {
    UNKNOWN("unknown"),
    ATTACHED("attached"),
    DETACHED("detached");

    private final String qmicli;

    AttachState(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static AttachState fromQmicli(String word) {
        return QmicliEnum.lookup(AttachState.class, word, UNKNOWN);
    }
}
