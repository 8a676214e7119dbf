package dev.qmiconn.telemetry;

import java.util.Locale;

/**
 * Why the service had to bring the link up again: a closed set, so that {@code qmiconn_reconnects_total}
 * keeps a handful of series however many different error texts qmicli prints.
 */
public enum ReconnectReason {
    /** The modem itself calls the packet session disconnected (signal loss, network detach, CallFailed). */
    SESSION_DROPPED("session-dropped"),
    /** The control device disappeared (USB re-enumeration, a dongle pulled out). */
    DEVICE_GONE("device-gone"),
    /** qmicli got no answer or an error while asking (Transaction timed out, ClientIdsExhausted ...). */
    MODEM_ERROR("modem-error"),
    /** No session recorded, or one that never finished coming up (first start, after a crash). */
    NO_SESSION("no-session"),
    OTHER("other");

    private final String word;

    ReconnectReason(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * The reason behind one of the service's drop texts ({@code SessionProbe.Health.reason()}): "modem reports
     * disconnected", "/dev/cdc-wdm0 is gone", "no session recorded", "session never finished coming up", or
     * a qmicli error message.
     */
    public static ReconnectReason classify(String detail) {
        String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (d.startsWith("modem reports")) {
            return SESSION_DROPPED;
        }
        if (d.endsWith(" is gone")) {
            return DEVICE_GONE;
        }
        if (d.startsWith("no session") || d.startsWith("session never")) {
            return NO_SESSION;
        }
        if (d.contains("qmicli") || d.contains("qmi protocol error") || d.contains("timed out")) {
            return MODEM_ERROR;
        }
        return OTHER;
    }
}
