package dev.qmiconn.qmi.model;

/**
 * The current PLMN of {@code --nas-get-serving-system}, MCC and MNC as the operator code's digits ({@code 262}
 * and {@code 01}; mmcli reports them so). qmicli prints both as plain numbers ({@code MNC: '1'}), so the parser
 * restores the zeros: MCC has 3 digits, MNC 2, or 3 when qmicli's {@code Full operator code info} says
 * {@code MNC with PCS digit: 'yes'} (without that block a 3-digit MNC below 100 cannot be told apart).
 * {@code description} is the operator name (may be empty).
 */
public record Plmn(String mcc, String mnc, String description) {

    /** {@code 262-01}. */
    public String code() {
        return mcc + "-" + mnc;
    }
}
