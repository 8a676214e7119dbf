package dev.qmiconn.emulator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running QMI modem emulator as the sandbox and tests see it: it serves QMUX on a filesystem Unix
 * socket (bridged to a raw pty by socat) and lets tests read what a real modem would not tell them.
 */
public interface EmulatedModem extends AutoCloseable {

    /** The Unix socket speaking QMUX frames, as /dev/cdc-wdm0 would. */
    Path socket();

    /** Name of the scenario it runs (e.g. {@code e397u-53}). */
    String scenarioName();

    /** Client ids currently allocated, over all services (a leak check wants 0 after {@code down}). */
    int liveClientIds();

    /** QMI requests received so far (tests prove an answer came without asking the modem); -1 if not counted. */
    default long requestsSeen() {
        return -1;
    }

    /** Client id allocations asked for so far (a poll that asks on kept ids adds none); -1 if not counted. */
    default long allocationsSeen() {
        return -1;
    }

    /** Data sessions currently up (started and not stopped or dropped). */
    int liveSessions();

    /**
     * The network drops every live session now (the session-drop fault, on demand) and gives no service for
     * {@code noServiceSeconds}; session listeners hear it as they do a scheduled drop.
     */
    default void dropSession(double noServiceSeconds) {
        throw new UnsupportedOperationException("this modem cannot drop its session on demand");
    }

    /** The IPv4 settings of the live session, if one is up. */
    Optional<SessionSettings> session();

    /** Called (on an emulator thread) whenever a session comes up (present) or goes away (empty). */
    void onSessionChange(Consumer<Optional<SessionSettings>> listener);

    /** Called when the scenario's timeline makes the device vanish (false) or come back (true). */
    void onDevicePresence(Consumer<Boolean> listener);

    /** What the scenario's link layer is on the modem side: {@code 802-3} or {@code raw-ip}. */
    String linkLayer();

    @Override
    void close();

    /** What the modem hands out for a session; also what dnsmasq in the sandbox leases. */
    record SessionSettings(String address, int prefixLength, String gateway, String dns1, String dns2, int mtu) {
    }
}
