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
    HELD_DOWN("down"),
    STOPPED("stopped");

    private final String word;

    WatchState(String word) {
        this.word = word;
    }

    /** syslog priority of the line announcing this state: warnings for a lost or held link, else info. */
    public int priority() {
        return switch (this) {
            case DROPPED, BACKOFF, ESCALATING, CAPPED, ROAMING -> 4;
            default -> 6;
        };
    }

    public String word() {
        return word;
    }

    /** The detail of a {@link #CONNECTED} line: interface, address and gateway of the session. */
    static String connectedDetail(dev.qmiconn.connect.SessionState s) {
        dev.qmiconn.connect.SessionState.Addressing a = s.addressing();
        return s.iface() + " " + a.address() + "/" + a.prefix() + " via " + a.gateway();
    }
}
