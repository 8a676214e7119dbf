package dev.qmiconn.at;

import java.util.List;
import java.util.Optional;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * One command's answer: the information lines (without the echo), the final result code and, for
 * {@code +CME ERROR}, its decoded meaning. Unsolicited result codes that arrived meanwhile ({@code ^RSSI:},
 * {@code ^MODE:}, {@code ^BOOT:}, ...) are kept apart so parsers never see them.
 */
public record AtReply(String command, List<String> lines, Result result, String finalLine, Optional<CmeError> cme,
                      List<String> unsolicited) {

    /** The final result codes a Huawei modem ends a reply with. */
    public enum Result { OK, ERROR, CME_ERROR, CMS_ERROR, NO_CARRIER, NOT_SUPPORTED }

    public AtReply {
        lines = List.copyOf(lines);
        unsolicited = List.copyOf(unsolicited);
    }

    public boolean ok() {
        return result == Result.OK;
    }

    /** The first information line starting with {@code prefix} ({@code ^DHCP:}), case-insensitively. */
    public Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.regionMatches(true, 0, prefix, 0, prefix.length())).findFirst();
    }

    /** This reply, or a one-line {@link QmiConnException} naming the command and what the modem said. */
    public AtReply orThrow() {
        if (ok()) {
            return this;
        }
        if (cme.isPresent()) {
            throw new QmiConnException(cme.get().exitCode(),
                    "the modem answered " + cme.get().describe() + " to " + command);
        }
        String why = switch (result) {
            case NOT_SUPPORTED -> " (this firmware does not know the command)";
            case ERROR -> " (a bad command, or one the modem refuses in its current state)";
            default -> "";
        };
        throw new QmiConnException(ExitCode.MODEM_ERROR, "the modem answered " + finalLine + " to " + command + why);
    }
}
