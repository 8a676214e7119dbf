package dev.qmiconn.connect;

/** Closed sets of the {@code up} options, each with the word users type. */
public final class ConnectOptions {

    private ConnectOptions() {
    }

    /** IP family of the data session; qmicli's {@code ip-type=} number (4v6 = two sessions, one per family). */
    public enum IpType {
        V4("4"), V6("6"), V4V6("4v6");

        private final String word;

        IpType(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean wantsV4() {
            return this != V6;
        }

        public boolean wantsV6() {
            return this != V4;
        }

        public static IpType fromWord(String w) {
            for (IpType t : values()) {
                if (t.word.equals(w)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("ip type must be 4, 6 or 4v6, not '" + w + "'");
        }
    }

    /** How IPv4 is configured once the session is up. */
    public enum IpConfig { DHCP, STATIC, AUTO }

    /** Who starts the data session: qmicli directly, or libqmi's qmi-network script as the guide does. */
    public enum Backend {
        QMICLI("qmicli"), QMI_NETWORK("qmi-network");

        private final String word;

        Backend(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Backend fromWord(String w) {
            for (Backend b : values()) {
                if (b.word.equals(w) || b.name().equalsIgnoreCase(w)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("backend must be qmicli or qmi-network, not '" + w + "'");
        }
    }
}
