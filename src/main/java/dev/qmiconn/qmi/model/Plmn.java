package dev.qmiconn.qmi.model;

/**
 * The current PLMN of {@code --nas-get-serving-system}. qmicli prints MCC and MNC as plain numbers, so an MNC
 * of {@code 01} arrives as {@code 1}; {@code description} is the operator name (may be empty).
 */
public record Plmn(int mcc, int mnc, String description) {
}
