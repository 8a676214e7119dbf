package dev.qmiconn.at;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.error.ExitCode;

/**
 * {@code +CME ERROR} codes of 3GPP TS 27.007 §9.2 that an E397u-53 gives on the data path, with what they mean
 * for the user. The modem prints the number after {@code AT+CMEE=1} and the text after {@code AT+CMEE=2}
 * (Huawei firmware uses the 27.007 wording, in varying case); both map to the same entry.
 */
public record CmeError(int code, String meaning, ExitCode exitCode) {

    private static final Map<Integer, CmeError> KNOWN = Map.ofEntries(
            entry(0, "phone failure", ExitCode.MODEM_ERROR),
            entry(3, "operation not allowed", ExitCode.MODEM_ERROR),
            entry(4, "operation not supported", ExitCode.MODEM_ERROR),
            entry(5, "PH-SIM PIN required", ExitCode.SIM_ERROR),
            entry(10, "SIM not inserted", ExitCode.SIM_ERROR),
            entry(11, "SIM PIN required", ExitCode.SIM_ERROR),
            entry(12, "SIM PUK required", ExitCode.SIM_ERROR),
            entry(13, "SIM failure", ExitCode.SIM_ERROR),
            entry(14, "SIM busy", ExitCode.SIM_ERROR),
            entry(15, "SIM wrong", ExitCode.SIM_ERROR),
            entry(16, "incorrect password", ExitCode.SIM_ERROR),
            entry(17, "SIM PIN2 required", ExitCode.SIM_ERROR),
            entry(18, "SIM PUK2 required", ExitCode.SIM_ERROR),
            entry(30, "no network service", ExitCode.NO_SERVICE),
            entry(31, "network timeout", ExitCode.NO_SERVICE),
            entry(32, "network not allowed - emergency calls only", ExitCode.NO_SERVICE),
            entry(100, "unknown", ExitCode.MODEM_ERROR),
            entry(103, "illegal MS", ExitCode.NO_SERVICE),
            entry(106, "illegal ME", ExitCode.NO_SERVICE),
            entry(107, "GPRS services not allowed", ExitCode.NO_SERVICE),
            entry(111, "PLMN not allowed", ExitCode.NO_SERVICE),
            entry(112, "location area not allowed", ExitCode.NO_SERVICE),
            entry(113, "roaming not allowed in this location area", ExitCode.NO_SERVICE),
            entry(132, "service option not supported", ExitCode.CALL_FAILED),
            entry(133, "requested service option not subscribed (check the APN)", ExitCode.CALL_FAILED),
            entry(134, "service option temporarily out of order", ExitCode.CALL_FAILED),
            entry(148, "unspecified GPRS error", ExitCode.CALL_FAILED),
            entry(149, "PDP authentication failure", ExitCode.CALL_FAILED));

    private static Map.Entry<Integer, CmeError> entry(int code, String meaning, ExitCode exit) {
        return Map.entry(code, new CmeError(code, meaning, exit));
    }

    /** From the part after {@code +CME ERROR:}: a number ({@code 10}) or the text ({@code SIM not inserted}). */
    public static CmeError of(String detail) {
        String d = detail.strip();
        if (d.matches("[0-9]{1,5}")) {
            int code = Integer.parseInt(d);
            return KNOWN.getOrDefault(code, new CmeError(code, "error " + code, ExitCode.MODEM_ERROR));
        }
        return byText(d).orElse(new CmeError(-1, d, ExitCode.MODEM_ERROR));
    }

    private static Optional<CmeError> byText(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return KNOWN.values().stream()
                .filter(e -> e.meaning.toLowerCase(Locale.ROOT).equals(t)
                        || e.meaning.toLowerCase(Locale.ROOT).startsWith(t + " ("))
                .findFirst();
    }

    /** {@code +CME ERROR: 10 (SIM not inserted)}, or the verbose text alone when the modem gave no number. */
    public String describe() {
        return code < 0 ? "+CME ERROR: " + meaning : "+CME ERROR: " + code + " (" + meaning + ")";
    }
}
