package dev.qmiconn.qmi.model;

import java.util.regex.Pattern;

/**
 * The SIM's ICCID (ITU-T E.118): 18 to 20 digits, the last a Luhn check digit; some modems pass on the card's
 * BCD filler as a trailing {@code F} ({@code 8944110069316673105F}), kept here as sent (upper case). Only digits
 * and that one letter, so the value is safe as a file name or map key.
 */
public record Iccid(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{18,20}F?");

    public Iccid {
        value = value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ICCID (18-20 digits): '" + value + "'");
        }
    }

    public static boolean isValid(String s) {
        return s != null && FORMAT.matcher(s.toUpperCase(java.util.Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
