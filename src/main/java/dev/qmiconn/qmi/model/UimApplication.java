package dev.qmiconn.qmi.model;

/**
 * One application on a card ({@code Application [N]:} in {@code --uim-get-card-status}). {@code type} and
 * {@code state} are qmicli's words, e.g. {@code usim} and {@code ready} or {@code pin1-or-upin-pin-required}.
 */
public record UimApplication(String type, String state, boolean upinReplacesPin1, PinState pin1State,
                             int pin1Retries, int puk1Retries, PinState pin2State, int pin2Retries,
                             int puk2Retries) {
}
