package dev.qmiconn.qmi.model;

/** One measurement for one radio interface, e.g. {@code Network 'lte': '-71 dBm'} (value in dBm or dB). */
public record SignalValue(RadioInterface network, double value) {
}
