package dev.qmiconn.operator;

import java.util.regex.Pattern;

/**
 * A mobile network as the provider database names it: the 3-digit MCC and the MNC with its leading zeros
 * (2 or 3 digits), e.g. {@code 310/260} or {@code 262/01}. {@code 262/01} and {@code 262/001} are different
 * networks, which is why the MNC is text here and not a number as in qmicli's output.
 */
public record OperatorId(String mcc, String mnc) {

    private static final Pattern MCC = Pattern.compile("[0-9]{3}");
    private static final Pattern MNC = Pattern.compile("[0-9]{2,3}");

    public OperatorId {
        if (mcc == null || !MCC.matcher(mcc).matches() || mnc == null || !MNC.matcher(mnc).matches()) {
            throw new IllegalArgumentException("not an MCC/MNC: '" + mcc + "/" + mnc + "'");
        }
    }

    @Override
    public String toString() {
        return mcc + "/" + mnc;
    }
}
