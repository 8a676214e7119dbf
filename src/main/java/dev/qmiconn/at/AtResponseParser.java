package dev.qmiconn.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Splits what the modem sent after a command into echo, information lines, unsolicited result codes and the
 * final result code. A session on an E397u-53 (firmware 11.x) with echo on and a signal report interleaved:
 * <pre>
 * AT^DHCP?
 *
 * ^RSSI:18
 *
 * ^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000
 *
 * OK
 * </pre>
 * Blank lines are dropped by the session before they get here.
 */
public final class AtResponseParser {

    /**
     * Unsolicited codes of Huawei firmware (and 27.007 ones it emits when enabled). A line with one of these
     * prefixes is only an answer when the command asked for that very prefix (e.g. {@code AT+CREG?}).
     */
    private static final Set<String> UNSOLICITED = Set.of("^RSSI", "^HRSSILVL", "^RSSILVL", "^HCSQ", "^MODE",
            "^BOOT", "^DSFLOWRPT", "^SRVST", "^SIMST", "^NDISSTAT", "^NDISEND", "^STIN", "^CEND", "^ORIG",
            "^CONF", "^CONN", "^EONS", "^NWTIME", "^CSNR", "^CRSSI", "^ACTIVEBAND", "^SYSSTART", "^DATAVALIDITY",
            "+CREG", "+CGREG", "+CEREG", "+CMTI", "+CUSD", "+CDSI", "+CGEV", "RING", "+CRING", "^SMMEMFULL");

    private AtResponseParser() {
    }

    /** Whether {@code line} ends a reply. Huawei adds {@code COMMAND NOT SUPPORT} to the 27.007 set. */
    public static boolean isFinal(String line) {
        String l = line.strip().toUpperCase(Locale.ROOT);
        return l.equals("OK") || l.equals("ERROR") || l.startsWith("+CME ERROR") || l.startsWith("+CMS ERROR")
                || l.equals("NO CARRIER") || l.equals("COMMAND NOT SUPPORT") || l.equals("TOO MANY PARAMETERS");
    }

    /** Whether {@code line} is an unsolicited code rather than part of the answer to {@code command}. */
    public static boolean isUnsolicited(String command, String line) {
        String prefix = prefixOf(line);
        return UNSOLICITED.contains(prefix) && !prefix.equals(queriedPrefix(command));
    }

    /** {@code lines} must end with a final result code (see {@link #isFinal}). */
    public static AtReply parse(String command, List<String> lines) {
        if (lines.isEmpty() || !isFinal(lines.get(lines.size() - 1))) {
            throw new IllegalArgumentException("no final result code in " + lines);
        }
        List<String> info = new ArrayList<>();
        List<String> urc = new ArrayList<>();
        boolean echoSeen = false;
        for (String raw : lines.subList(0, lines.size() - 1)) {
            String line = raw.strip();
            if (!echoSeen && info.isEmpty() && line.equalsIgnoreCase(command.strip())) {
                echoSeen = true; // ATE1 (the factory default) echoes the command line back
            } else if (isUnsolicited(command, line)) {
                urc.add(line);
            } else {
                info.add(line);
            }
        }
        String last = lines.get(lines.size() - 1).strip();
        String upper = last.toUpperCase(Locale.ROOT);
        AtReply.Result result;
        Optional<CmeError> cme = Optional.empty();
        if (upper.equals("OK")) {
            result = AtReply.Result.OK;
        } else if (upper.startsWith("+CME ERROR")) {
            result = AtReply.Result.CME_ERROR;
            cme = Optional.of(CmeError.of(afterColon(last)));
        } else if (upper.startsWith("+CMS ERROR")) {
            result = AtReply.Result.CMS_ERROR;
        } else if (upper.equals("NO CARRIER")) {
            result = AtReply.Result.NO_CARRIER;
        } else if (upper.equals("ERROR")) {
            result = AtReply.Result.ERROR;
        } else {
            result = AtReply.Result.NOT_SUPPORTED;
        }
        return new AtReply(command, info, result, last, cme, urc);
    }

    /** {@code ^DHCP} for {@code AT^DHCP?}, {@code +CSQ} for {@code AT+CSQ}; empty for plain {@code ATZ}. */
    static String queriedPrefix(String command) {
        String c = command.strip().toUpperCase(Locale.ROOT);
        if (c.startsWith("AT")) {
            c = c.substring(2);
        }
        int end = 0;
        while (end < c.length() && "=?;".indexOf(c.charAt(end)) < 0) {
            end++;
        }
        return c.substring(0, end);
    }

    static String prefixOf(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
    }

    private static String afterColon(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1);
    }
}
