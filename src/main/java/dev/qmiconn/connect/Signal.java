package dev.qmiconn.connect;

import java.util.Locale;

import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.SignalStrength;

/**
 * Signal quality in a phone's 0-4 bars. On LTE the bars follow RSRP (dBm), elsewhere RSSI (dBm); the cut-offs
 * are the ones Android and most modem vendors use (LTE RSRP -85/-95/-105/-115, GSM/UMTS RSSI -73/-83/-93/-109).
 */
public final class Signal {

    private Signal() {
    }

    public static int bars(SignalStrength sig) {
        if (sig == null || sig.current() == null || sig.current().network() == RadioInterface.NONE) {
            return 0;
        }
        if (sig.current().network() == RadioInterface.LTE && sig.rsrp() != null) {
            return step(sig.rsrp().value(), -85, -95, -105, -115);
        }
        return step(sig.current().value(), -73, -83, -93, -109);
    }

    private static int step(double v, double four, double three, double two, double one) {
        if (v >= four) {
            return 4;
        }
        if (v >= three) {
            return 3;
        }
        if (v >= two) {
            return 2;
        }
        return v >= one ? 1 : 0;
    }

    /** e.g. {@code lte -65 dBm, 4/4 bars}. */
    public static String describe(SignalStrength sig) {
        if (sig == null || sig.current() == null) {
            return "none";
        }
        return sig.current().network().qmicli() + " " + String.format(Locale.ROOT, "%.0f dBm", sig.current().value())
                + ", " + bars(sig) + "/4 bars";
    }
}
