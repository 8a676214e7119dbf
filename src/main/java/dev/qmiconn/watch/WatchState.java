package dev.qmiconn.watch;

/** The states watch reports, one line per change. */
public enum WatchState {
    CONNECTING("connecting"),
    CONNECTED("connected"),
    DROPPED("dropped"),
    BACKOFF("waiting"),
    ESCALATING("escalating"),
    CAPPED("capped"),
    ROAMING("roaming"),
    STOPPED("stopped");

    private final String word;

    WatchState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
