package dev.qmiconn.qmi.model;

/** NAS registration state ({@code --nas-get-serving-system}, QmiNasRegistrationState). */
public enum RegistrationState implements QmicliEnum {
    NOT_REGISTERED("not-registered"),
    REGISTERED("registered"),
    NOT_REGISTERED_SEARCHING("not-registered-searching"),
    REGISTRATION_DENIED("registration-denied"),
    UNKNOWN("unknown");

    private final String qmicli;

    RegistrationState(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static RegistrationState fromQmicli(String word) {
        return QmicliEnum.lookup(RegistrationState.class, word, UNKNOWN);
    }
}
