package dev.qmiconn.connect;

import java.io.PrintWriter;

import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.ServingSystem;

/** Step 9 of {@code up}: what it got, one item a line, so a person and a script can read it. */
final class UpReport {

    private UpReport() {
    }

    static void print(PrintWriter out, SessionState s, RadioReadiness.Radio radio) {
        SessionState.Addressing a = s.addressing();
        ServingSystem ss = radio.servingSystem();
        String tech = ss.radioInterfaces().isEmpty() ? "unknown"
                : ss.radioInterfaces().stream().map(RadioInterface::qmicli).reduce((x, y) -> x + "," + y).orElse("");
        out.println(s.device() + " is up on " + s.iface() + " (" + s.backend() + ", " + UpFlow.describe(s)
                + ")");
        if (a.address() != null) {
            out.println("  address:  " + a.address() + "/" + a.prefix() + " (" + a.source() + ")");
            out.println("  gateway:  " + (a.gateway() == null ? "none" : a.gateway()));
        }
        if (a.ipv6Address() != null) {
            out.println("  ipv6:     " + a.ipv6Address() + "/" + a.ipv6Prefix());
        }
        out.println("  dns:      " + (a.dns().isEmpty() ? "none" : String.join(" ", a.dns())));
        out.println("  radio:    " + tech + (ss.plmn() == null ? "" : ", " + ss.plmn().description()
                + " (" + ss.plmn().mcc() + "-" + ss.plmn().mnc() + ")")
                + (Boolean.TRUE.equals(ss.roaming()) ? ", roaming" : ""));
        out.println("  signal:   " + Signal.describe(radio.signal()));
        out.flush();
    }
}
