package dev.qmiconn.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.emulator.InetUtil;

/**
 * The argv of the dnsmasq that plays the modem's DHCP server on mdm0: it leases exactly the one address the
 * emulator's current settings name, with the router, DNS and MTU (option 26) of the session. It never reads the
 * host's configuration ({@code --conf-file=/dev/null}, no resolv.conf, no hosts) and writes its lease and PID files
 * into the sandbox. It is the carrier's DNS server too, on the session's DNS addresses (which {@link ModemSide}
 * puts on mdm0): it knows exactly one name, {@link #CARRIER_ONLY_NAME}, and forwards nothing, so a lookup of that
 * name succeeds only when the session's servers reached the Pi's resolver. Without {@code --no-ping} every lease
 * waits ~3 s. It stays root ({@code --user=root}): it plays the modem in a throwaway namespace, and so its PID
 * file in the work directory is root's like everything else there (dropped to nobody it would own it; checked
 * with dnsmasq 2.90).
 */
final class Dnsmasq {

    static final String MODEM_IFACE = "mdm0";
    /** The one name the modem-side DNS answers (RFC 6761 .test: never a real name). */
    static final String CARRIER_ONLY_NAME = "carrier-only.qmi-conn.test";
    /** Its address (TEST-NET-1, RFC 5737). */
    static final String CARRIER_ONLY_ADDRESS = "192.0.2.99";

    private Dnsmasq() {
    }

    static List<String> argv(String modemNamespace, SessionSettings s, Path leaseFile, Path pidFile) {
        List<String> argv = new ArrayList<>(List.of(Programs.path("ip"), "netns", "exec", modemNamespace,
                Programs.path("dnsmasq"),
                "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                "--host-record=" + CARRIER_ONLY_NAME + "," + CARRIER_ONLY_ADDRESS,
                "--interface=" + MODEM_IFACE, "--bind-interfaces", "--no-ping", "--dhcp-ignore-clid",
                "--dhcp-authoritative", "--log-facility=-", "--user=root", "--group=root",
                "--dhcp-range=" + s.address() + "," + s.address() + "," + InetUtil.mask(s.prefixLength()) + ",1h",
                "--dhcp-option=option:router," + s.gateway()));
        String dns = s.dns2() == null || s.dns2().isBlank() ? s.dns1() : s.dns1() + "," + s.dns2();
        if (dns != null && !dns.isBlank()) {
            argv.add("--dhcp-option=option:dns-server," + dns);
        }
        if (s.mtu() > 0) {
            argv.add("--dhcp-option=option:mtu," + s.mtu());
        }
        argv.add("--dhcp-leasefile=" + leaseFile);
        argv.add("--pid-file=" + pidFile);
        return argv;
    }
}
