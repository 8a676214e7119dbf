package dev.qmiconn.telemetry;

/**
 * Where the link is, in the words telemetry publishes (the MQTT {@code state} field, the {@code state} label of
 * {@code qmiconn_link_state}). The service maps its own states onto these; only {@link #CONNECTED} means data
 * flows.
 */
public enum LinkState {
    STARTING("starting"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    DROPPED("dropped"),
    WAITING("waiting"),
    ESCALATING("escalating"),
    CAPPED("capped"),
    /** Held down: registered on a roaming network while roaming is denied. */
    ROAMING("roaming"),
    /** Held down on request (the service was asked to take the link down and keep it down). */
    HELD_DOWN("down"),
    STOPPED("stopped");

    private final String word;

    LinkState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
