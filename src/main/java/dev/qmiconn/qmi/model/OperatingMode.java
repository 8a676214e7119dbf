package dev.qmiconn.qmi.model;

/** DMS operating mode as printed by {@code --dms-get-operating-mode} (libqmi QmiDmsOperatingMode nicknames). */
public enum OperatingMode implements QmicliEnum {
    ONLINE("online"),
    LOW_POWER("low-power"),
    FACTORY_TEST("factory-test"),
    OFFLINE("offline"),
    RESET("reset"),
    SHUTTING_DOWN("shutting-down"),
    PERSISTENT_LOW_POWER("persistent-low-power"),
    MODE_ONLY_LOW_POWER("mode-only-low-power"),
    UNKNOWN("unknown");

    private final String qmicli;

    OperatingMode(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static OperatingMode fromQmicli(String word) {
        return QmicliEnum.lookup(OperatingMode.class, word, UNKNOWN);
    }
}
