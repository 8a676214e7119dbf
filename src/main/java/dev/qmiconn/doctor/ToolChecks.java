package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.VersionVerdict;

/** The programs qmi-conn drives: libqmi's qmicli and qmi-network (and their version), and a DHCP client. */
final class ToolChecks {

    static final String INSTALL_LIBQMI = "sudo apt install libqmi-utils";

    private ToolChecks() {
    }

    static Finding program(Probe p, String name, String purpose) {
        Optional<String> path = p.findProgram(name);
        return path.isPresent()
                ? Finding.ok(name, name + " is " + path.get())
                : Finding.fail(name, name + " is not installed (" + purpose + "; not found on PATH)", INSTALL_LIBQMI);
    }

    static Optional<Finding> libqmiVersion(Probe p) {
        if (!p.hasProgram("qmicli")) {
            return Optional.empty();
        }
        String qmicli = p.findProgram("qmicli").orElseThrow();
        try {
            return Optional.of(finding(qmicli, p.qmiClient("", false).policy().verdict()));
        } catch (QmiConnException e) {
            return Optional.of(Finding.fail("libqmi-version", "qmicli --version did not say its version ("
                    + firstLine(e.getMessage()).replaceFirst("^: ", "") + ")",
                    "sudo apt install --reinstall libqmi-utils"));
        }
    }

    /**
     * The version policy's verdict for the qmicli on PATH (the one up runs), shared with {@code qmi-conn --version}: OK stays ok; WORKAROUND (qmi-conn
     * copes, qmi-network or the guides' stanza may not) and LIMITED (too old for raw-ip modems) are warnings.
     */
    private static Finding finding(String qmicli, VersionVerdict v) {
        String why = qmicli + ": " + v.explanation();
        return v.severity() == VersionVerdict.Severity.OK ? Finding.ok("libqmi-version", why)
                : Finding.warn("libqmi-version", why, v.fix());
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "" : ": " + line;
    }

    /**
     * udhcpc (busybox) leases on raw-ip links; isc dhclient refuses them (device type 65534, ARPHRD_NONE), and
     * ifupdown's {@code inet dhcp} method picks dhclient first when it is installed (interfaces(5)).
     */
    static Finding dhcpClient(Probe p) {
        boolean udhcpc = p.hasProgram("udhcpc");
        boolean dhclient = p.hasProgram("dhclient");
        boolean dhcpcd = p.hasProgram("dhcpcd");
        boolean rawIp = p.rawIpLink();
        String iface = p.netInterface().orElse("the link");
        String link = p.netInterface().map(i -> i + " is " + (rawIp ? "raw-ip" : "802.3")).orElse("");
        String install = "sudo apt install udhcpc";
        if (udhcpc) {
            if (dhclient && rawIp && InterfacesFile.hasDhcpStanza(p, p.netInterface().get())) {
                return Finding.warn("dhcp-client", "udhcpc is installed, but ifup's 'inet dhcp' for "
                        + p.netInterface().get() + " runs dhclient first, which fails on this raw-ip link",
                        "let qmi-conn run udhcpc (inet manual), or: sudo apt remove isc-dhcp-client");
            }
            return Finding.ok("dhcp-client", "udhcpc is installed (leases on raw-ip and 802.3 links)"
                    + (link.isEmpty() ? "" : "; " + link));
        }
        List<String> others = new ArrayList<>();
        if (dhclient) {
            others.add("dhclient");
        }
        if (dhcpcd) {
            others.add("dhcpcd");
        }
        if (others.isEmpty()) {
            return Finding.fail("dhcp-client", "no DHCP client is installed", install);
        }
        if (dhclient && rawIp) {
            return Finding.fail("dhcp-client", "only " + String.join(" and ", others) + ": dhclient fails on "
                    + iface + ", a raw-ip link (device type 65534 is unsupported)", install);
        }
        return Finding.warn("dhcp-client", "udhcpc is missing (qmi-conn leases with it); found "
                + String.join(" and ", others) + (dhclient ? ", but dhclient fails once the link is raw-ip" : ""),
                install);
    }
}
