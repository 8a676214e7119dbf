package dev.qmiconn.emulator;

/**
 * WDS packet counters: they grow with the seconds a session is up (a steady trickle of traffic), and keep
 * their totals across sessions, as a modem's counters do until it is reset.
 */
final class Packets {

    static final long TX_PACKETS_PER_SECOND = 10;
    static final long RX_PACKETS_PER_SECOND = 12;
    static final long TX_BYTES_PER_PACKET = 120;
    static final long RX_BYTES_PER_PACKET = 900;

    private double closedSeconds;
    private double openSince = -1;

    void sessionStarted(double t) {
        openSince = t;
    }

    void sessionEnded(double t) {
        if (openSince >= 0) {
            closedSeconds += t - openSince;
            openSince = -1;
        }
    }

    Counters at(double t) {
        double up = closedSeconds + (openSince >= 0 ? t - openSince : 0);
        long tx = (long) (up * TX_PACKETS_PER_SECOND);
        long rx = (long) (up * RX_PACKETS_PER_SECOND);
        return new Counters(tx, rx, tx * TX_BYTES_PER_PACKET, rx * RX_BYTES_PER_PACKET);
    }

    /** Totals since power-on. */
    record Counters(long txPackets, long rxPackets, long txBytes, long rxBytes) {
    }
}
