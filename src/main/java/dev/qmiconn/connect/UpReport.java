package dev.qmiconn.connect;

import java.io.PrintWriter;

import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.ServingSystem;

/** Step 9 of {@code up}: what it got, one item a line, so a person and a script can read it. */
final class UpReport {

    private UpReport() {
    }

    static void print(PrintWriter out, SessionState s, RadioReadiness.Radio radio) {
        ServingSystem ss = radio.servingSystem();
        String tech = ss.radioInterfaces().isEmpty() ? "unknown"
                : ss.radioInterfaces().stream().map(RadioInterface::qmicli).reduce((a, b) -> a + "," + b).orElse("");
        out.println(s.device() + " is up on " + s.iface() + " (" + s.backend() + ", " + UpFlow.describe(s.sessions())
                + ")");
        if (s.address() != null) {
            out.println("  address:  " + s.address() + "/" + s.prefix() + " (" + s.ipConfig() + ")");
            out.println("  gateway:  " + (s.gateway() == null ? "none" : s.gateway()));
        }
        if (s.ipv6Address() != null) {
            out.println("  ipv6:     " + s.ipv6Address() + "/" + s.ipv6Prefix());
        }
        out.println("  dns:      " + (s.dns().isEmpty() ? "none" : String.join(" ", s.dns())));
        out.println("  radio:    " + tech + (ss.plmn() == null ? "" : ", " + ss.plmn().description()
                + " (" + ss.plmn().mcc() + "-" + ss.plmn().mnc() + ")")
                + (Boolean.TRUE.equals(ss.roaming()) ? ", roaming" : ""));
        out.println("  signal:   " + Signal.describe(radio.signal()));
        out.flush();
    }
}
