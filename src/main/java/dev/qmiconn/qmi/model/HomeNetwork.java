package dev.qmiconn.qmi.model;

/**
 * {@code --nas-get-home-network}: the SIM's home PLMN. qmicli prints MCC and MNC as plain numbers (u16), so a
 * 3-digit MNC {@code 030} and a 2-digit {@code 30} print alike as {@code '30'}.
 */
public record HomeNetwork(int mcc, int mnc, String description) {
}
