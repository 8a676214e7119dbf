package dev.qmiconn.at;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * {@code AT+CSQ}: {@code +CSQ: 20,99}. rssi 0..31 maps to -113..-51 dBm in 2 dB steps (27.007 §8.5), 99 means
 * not known or not detectable (the E397u-53 says 99 while searching). The bars follow the usual modem table:
 * under 2 none, 2-9 marginal, 10-14 ok, 15-19 good, 20-31 excellent.
 */
public record SignalQuality(int rssi, int ber) {

    private static final Pattern CSQ = Pattern.compile("\\+CSQ:\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})",
            Pattern.CASE_INSENSITIVE);

    public static SignalQuality parse(String line) {
        Matcher m = CSQ.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            throw new QmiConnException(ExitCode.MODEM_ERROR, "unexpected AT+CSQ answer '" + line + "'");
        }
        return new SignalQuality(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean known() {
        return rssi >= 0 && rssi <= 31;
    }

    public OptionalInt dbm() {
        return known() ? OptionalInt.of(-113 + 2 * rssi) : OptionalInt.empty();
    }

    /** 0 to 4. */
    public int bars() {
        if (!known() || rssi < 2) {
            return 0;
        }
        return rssi < 10 ? 1 : rssi < 15 ? 2 : rssi < 20 ? 3 : 4;
    }

    public String label() {
        if (!known()) {
            return "unknown";
        }
        return switch (bars()) {
            case 0 -> "none";
            case 1 -> "marginal";
            case 2 -> "ok";
            case 3 -> "good";
            default -> "excellent";
        };
    }

    /** {@code -73 dBm, 4/4 bars (excellent)} or {@code unknown (no signal detected)}. */
    public String describe() {
        if (!known()) {
            return "unknown (no signal detected, rssi " + rssi + ")";
        }
        String dbm = rssi == 0 ? "<= -113 dBm" : rssi == 31 ? ">= -51 dBm" : dbm().getAsInt() + " dBm";
        return dbm + ", " + bars() + "/4 bars (" + label() + ")";
    }
}
