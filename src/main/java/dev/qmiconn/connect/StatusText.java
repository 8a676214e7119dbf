package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code qmi-conn status} for a person: one aspect a line, the state word first. */
public final class StatusText {

    private StatusText() {
    }

    public static void print(PrintWriter out, StatusReport r) {
        out.println(r.device() + (r.iface() == null ? "" : " (" + r.iface() + ")") + ": " + r.state()
                + (r.lte() ? " on LTE" : "") + "  [LED " + r.led() + "]");
        if (r.libqmi() != null) {
            out.println("  libqmi:       " + r.libqmi().version() + " (" + r.libqmi().verdict() + ")");
        }
        String iccid = r.ids() == null || r.ids().iccid() == null ? "" : "ICCID " + r.ids().iccid() + ", ";
        if (r.ids() != null && r.ids().imei() != null) {
            out.println("  modem:        IMEI " + r.ids().imei());
        }
        if (r.sim() != null) {
            out.println("  sim:          " + (r.sim().present() ? "present, " + iccid + "PIN " + r.sim().pin1State()
                    + " (" + r.sim().pin1Retries() + " retries)" : "absent"));
        }
        if (r.registration() != null) {
            var g = r.registration();
            out.println("  registration: " + g.state() + (g.radio().isEmpty() ? "" : ", " + String.join(",", g.radio()))
                    + (g.operator() == null ? "" : ", " + g.operator())
                    + (g.mcc() == null || g.mnc() == null ? "" : " (" + g.mcc() + "-" + g.mnc() + ")")
                    + (Boolean.TRUE.equals(g.roaming()) ? ", roaming" : ""));
        }
        if (r.roamingGuard() != null) {
            var g = r.roamingGuard();
            out.println("  roaming:      " + g.network() + ", roaming " + ("deny".equals(g.policy()) ? "denied"
                    : "allowed") + ": " + ("connect".equals(g.decision()) ? "may connect" : "link stays down"));
        }
        if (r.signal() != null) {
            var s = r.signal();
            out.println("  signal:       " + s.bars() + "/4 bars" + dbm(" rssi", s.rssi()) + dbm(" rsrp", s.rsrp())
                    + db(" rsrq", s.rsrq()) + db(" snr", s.snr()));
        }
        out.println("  connection:   " + r.connection());
        if (r.ip() != null) {
            // IPv6-only and half-configured sessions (the modem's settings without a gateway, say) lack parts
            var ip = r.ip();
            String dns = ip.dns() == null || ip.dns().isEmpty() ? "" : ", dns " + String.join(" ", ip.dns())
                    + (ip.dnsHeldBy() == null ? "" : " (held by " + ip.dnsHeldBy() + ")");
            if (ip.address() != null) {
                out.println("  ip:           " + ip.address() + (ip.prefix() == null ? "" : "/" + ip.prefix())
                        + (ip.gateway() == null ? "" : " via " + ip.gateway()) + " (" + ip.source() + ")" + dns);
            }
            if (ip.ipv6Address() != null) {
                out.println("  ipv6:         " + ip.ipv6Address() + (ip.ipv6Prefix() == null ? "" : "/"
                        + ip.ipv6Prefix()) + (ip.address() == null ? " (" + ip.source() + ")" + dns : ""));
            }
        }
        if (r.packets() != null) {
            var p = r.packets();
            out.println("  traffic:      tx " + p.txBytes() + " bytes / " + p.txPackets() + " packets, rx "
                    + p.rxBytes() + " bytes / " + p.rxPackets() + " packets");
        }
        if (r.session() != null && r.session().uptimeSeconds() != null) {
            out.println("  session:      " + r.session().backend() + ", CID " + r.session().cids() + ", up "
                    + r.session().uptimeSeconds() + " s");
        }
        if (r.usage() != null) {
            var u = r.usage();
            out.println("  usage:        " + human(u.usedBytes()) + " this period (until " + u.periodEnd() + ")"
                    + (u.capBytes() == null ? "" : ", cap " + human(u.capBytes()) + ", " + human(u.remainingBytes())
                    + " left"));
        }
        r.errors().forEach(e -> out.println("  error:        " + e));
        out.flush();
    }

    private static String human(long bytes) {
        return new dev.qmiconn.usage.ByteSize(bytes).human();
    }

    private static String dbm(String label, Double v) {
        return v == null ? "" : label + " " + String.format(Locale.ROOT, "%.0f dBm", v);
    }

    private static String db(String label, Double v) {
        return v == null ? "" : label + " " + String.format(Locale.ROOT, "%.1f dB", v);
    }
}
