package dev.qmiconn.emulator;

/**
 * WDS packet counters: they grow with the seconds a session is up (a steady trickle of traffic), and keep
 * their totals across sessions, as a modem's counters do until it is reset. "Last call" bytes are those of
 * the session that is up, or else of the one that ended last.
 */
final class Packets {

    static final long TX_PACKETS_PER_SECOND = 10;
    static final long RX_PACKETS_PER_SECOND = 12;
    static final long TX_BYTES_PER_PACKET = 120;
    static final long RX_BYTES_PER_PACKET = 900;

    private double closedSeconds;
    private double lastCallSeconds;
    private double openSince = -1;

    void sessionStarted(double t) {
        openSince = t;
    }

    void sessionEnded(double t) {
        if (openSince >= 0) {
            lastCallSeconds = t - openSince;
            closedSeconds += lastCallSeconds;
            openSince = -1;
        }
    }

    void reset() {
        closedSeconds = 0;
        lastCallSeconds = 0;
        openSince = -1;
    }

    Counters at(double t) {
        double current = openSince >= 0 ? t - openSince : 0;
        double up = closedSeconds + current;
        double last = openSince >= 0 ? current : lastCallSeconds;
        return new Counters((long) (up * TX_PACKETS_PER_SECOND), (long) (up * RX_PACKETS_PER_SECOND),
                bytes(up, TX_PACKETS_PER_SECOND, TX_BYTES_PER_PACKET), bytes(up, RX_PACKETS_PER_SECOND,
                RX_BYTES_PER_PACKET), bytes(last, TX_PACKETS_PER_SECOND, TX_BYTES_PER_PACKET),
                bytes(last, RX_PACKETS_PER_SECOND, RX_BYTES_PER_PACKET));
    }

    private static long bytes(double seconds, long packetsPerSecond, long bytesPerPacket) {
        return (long) (seconds * packetsPerSecond) * bytesPerPacket;
    }

    /** Totals since power-on, and the last call's bytes. */
    record Counters(long txPackets, long rxPackets, long txBytes, long rxBytes, long lastCallTxBytes,
                    long lastCallRxBytes) {
    }
}
