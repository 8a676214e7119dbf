package dev.qmiconn.qmi.model;

/** UIM PIN state ({@code --uim-get-card-status}, QmiUimPinState). */
public enum PinState implements QmicliEnum {
    NOT_INITIALIZED("not-initialized"),
    ENABLED_NOT_VERIFIED("enabled-not-verified"),
    ENABLED_VERIFIED("enabled-verified"),
    DISABLED("disabled"),
    BLOCKED("blocked"),
    PERMANENTLY_BLOCKED("permanently-blocked"),
    UNKNOWN("unknown");

    private final String qmicli;

    PinState(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static PinState fromQmicli(String word) {
        return QmicliEnum.lookup(PinState.class, word, UNKNOWN);
    }
}
