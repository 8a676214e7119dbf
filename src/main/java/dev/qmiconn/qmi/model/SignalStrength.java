package dev.qmiconn.qmi.model;

import java.util.List;

/**
 * {@code --nas-get-signal-strength}. {@code current} is always printed; the lists are empty and the single
 * values null when the modem left that TLV out (a 3G-only modem has no RSRQ/SNR/RSRP).
 */
public record SignalStrength(SignalValue current, List<SignalValue> other, List<SignalValue> rssi,
                             List<SignalValue> ecio, Integer io, Sinr sinr, SignalValue rsrq, SignalValue snr,
                             SignalValue rsrp) {

    public SignalStrength {
        other = List.copyOf(other);
        rssi = List.copyOf(rssi);
        ecio = List.copyOf(ecio);
    }
}
