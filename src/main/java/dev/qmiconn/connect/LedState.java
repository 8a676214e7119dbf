package dev.qmiconn.connect;

import dev.qmiconn.qmi.model.RegistrationState;

/**
 * The E397u-53's LED table from the FreedomPOP guide, as one word plus the colour a person would see:
 * <pre>
 * Green  twice every 3s   powered on, idle
 * Green  once every 3s    registering with non-LTE network
 * Green  solid            connected to non-LTE network
 * Blue   once every 3s    registering with LTE network
 * Blue   solid            connected to LTE network
 * </pre>
 * "registered" (attached, no data session) still blinks once every 3 s on the dongle.
 */
public enum LedState {
    IDLE("idle"), SEARCHING("searching"), REGISTERED("registered"), CONNECTED("connected");

    private final String word;

    LedState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static LedState of(RegistrationState registration, boolean connected) {
        if (connected) {
            return CONNECTED;
        }
        if (registration == RegistrationState.REGISTERED) {
            return REGISTERED;
        }
        return registration == RegistrationState.NOT_REGISTERED_SEARCHING ? SEARCHING : IDLE;
    }

    public String led(boolean lte) {
        String colour = lte ? "blue" : "green";
        return switch (this) {
            case IDLE -> "green, blinking twice every 3 s";
            case SEARCHING, REGISTERED -> colour + ", blinking once every 3 s";
            case CONNECTED -> colour + ", solid";
        };
    }
}
