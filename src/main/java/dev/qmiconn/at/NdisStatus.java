package dev.qmiconn.at;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * {@code AT^NDISSTATQRY?}: {@code ^NDISSTATQRY: 1,,,"IPV4"} - state, error (a 3GPP cause, empty when none),
 * WiMAX state (unused), PDP type. Later firmware appends a second quadruple for IPv6; only IPv4 is read.
 */
public record NdisStatus(State state, OptionalInt error, String pdpType) {

    /** The first field. */
    public enum State {
        DISCONNECTED, CONNECTED, CONNECTING, DISCONNECTING;

        static State of(int code) {
            return switch (code) {
                case 1 -> CONNECTED;
                case 2 -> CONNECTING;
                case 3 -> DISCONNECTING;
                default -> DISCONNECTED;
            };
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "\\^NDISSTAT(?:QRY)?:\\s*(\\d)\\s*,\\s*(\\d*)\\s*,\\s*[^,]*,\\s*\"?([A-Za-z0-9]*)\"?.*",
            Pattern.CASE_INSENSITIVE);

    /** Also reads the unsolicited {@code ^NDISSTAT:} report, which has the same fields. */
    public static NdisStatus parse(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            throw new QmiConnException(ExitCode.MODEM_ERROR, "unexpected AT^NDISSTATQRY? answer '" + line + "'");
        }
        OptionalInt error = m.group(2).isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2)));
        return new NdisStatus(State.of(Integer.parseInt(m.group(1))), error, m.group(3).toUpperCase());
    }
}
