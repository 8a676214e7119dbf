package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.connect.SessionState.DataSession;

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
        out.println(s.device() + " is up on " + s.iface() + " (" + s.backend() + ", " + describe(s)
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

    /** What a record holds, in words: its sessions, other client ids, an allocation under way. */
    static String describe(SessionState state) {
        List<String> parts = new ArrayList<>();
        for (DataSession s : state.sessions()) {
            parts.add(s.family() + " CID " + s.cid() + " handle " + s.packetDataHandle());
        }
        // kept query ids are no session of their own: not named (down releases them all the same)
        state.clientIds().stream().filter(c -> !KeptQueryIds.SERVICES.contains(c.service()))
                .filter(c -> state.sessions().stream().noneMatch(s -> s.cid() == c.cid()
                && "wds".equals(c.service()))).forEach(c -> parts.add(c.service() + " CID " + c.cid()));
        if (state.pending() != null) {
            parts.add("an interrupted " + state.pending() + " client id allocation");
        }
        return parts.isEmpty() ? "no session" : String.join(", ", parts);
    }
}
