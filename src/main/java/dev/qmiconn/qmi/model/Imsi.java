package dev.qmiconn.qmi.model;

import java.util.regex.Pattern;

/**
 * The SIM's IMSI (3GPP TS 23.003): a 3-digit MCC, a 2- or 3-digit MNC, then the subscriber number; at most 15
 * digits. The IMSI alone does not say how long the MNC is (the SIM's EF_AD does; see connect's HomeOperator).
 */
public record Imsi(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{6,15}");

    public Imsi {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an IMSI (6-15 digits): '" + value + "'");
        }
    }

    public static boolean isValid(String s) {
        return s != null && FORMAT.matcher(s).matches();
    }

    /** The mobile country code, e.g. {@code 311}. */
    public String mcc() {
        return value.substring(0, 3);
    }

    /** The mobile network code if it is {@code length} (2 or 3) digits long, e.g. {@code 660}. */
    public String mnc(int length) {
        if (length != 2 && length != 3) {
            throw new IllegalArgumentException("MNC length is 2 or 3, got " + length);
        }
        return value.substring(3, 3 + length);
    }

    @Override
    public String toString() {
        return value;
    }
}
