package dev.qmiconn.usage;

import java.util.regex.Pattern;

/**
 * Whose data a ledger counts: a SIM's ({@code sim-ICCID}), so the count follows the card into another dongle, or,
 * when the ICCID cannot be read, the control device's ({@code device-cdc-wdm0}). Only digits, letters, '-', '_'
 * and '.', so it is safe as a file name.
 */
public record LedgerKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("sim-[0-9]{18,20}F?|device-[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public LedgerKey {
        if (value == null || !FORMAT.matcher(value).matches() || value.length() > 120) {
            throw new IllegalArgumentException("not a ledger key: '" + value + "'");
        }
    }

    public static LedgerKey sim(String iccid) {
        return new LedgerKey("sim-" + iccid);
    }

    public static LedgerKey device(String deviceName) {
        return new LedgerKey("device-" + deviceName);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && value.length() <= 120;
    }

    public String fileName() {
        return value + ".json";
    }

    @Override
    public String toString() {
        return value;
    }
}
