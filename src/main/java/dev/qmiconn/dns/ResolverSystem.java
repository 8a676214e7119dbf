package dev.qmiconn.dns;

import java.util.Optional;

/**
 * Who owns /etc/resolv.conf on a system, and the facts that decided it, as {@link ResolverDetector} read them.
 * {@code up --dns auto} sends the servers to {@link #owner()}; doctor names it and checks the session reached it.
 *
 * @param resolvConfLink  where /etc/resolv.conf points, as written, when it is a symlink
 * @param header          the first comment line of /etc/resolv.conf (who generated it), or empty
 * @param resolvconf      the resolvconf program found, and which one it is
 * @param networkManager  NetworkManager runs (its process, and its /run/NetworkManager)
 * @param nmDns           NetworkManager's effective {@code [main] dns=} (default, systemd-resolved, dnsmasq, none)
 * @param nmRcManager     NetworkManager's effective rc-manager after its own {@code auto} rule (nm-dns-manager.c)
 * @param dhcpcdHook      dhcpcd's 20-resolv.conf hook is installed
 * @param dhcpcdRunning   a dhcpcd process runs
 * @param resolvconfUpdatesEnabled Debian resolvconf's /run/resolvconf/enable-updates exists (set at boot by
 *                        resolvconf.service); without it {@code resolvconf -a} only stores the record
 */
public record ResolverSystem(Owner owner, Optional<String> resolvConfLink, String header,
                             Optional<Resolvconf> resolvconf, boolean networkManager, String nmDns, String nmRcManager,
                             boolean dhcpcdHook, boolean dhcpcdRunning, boolean resolvconfUpdatesEnabled) {

    /** The manager whose view of DNS ends up in /etc/resolv.conf. */
    public enum Owner {
        RESOLVED(DnsMode.RESOLVED, "systemd-resolved"),
        OPENRESOLV(DnsMode.RESOLVCONF, "openresolv"),
        DEBIAN_RESOLVCONF(DnsMode.RESOLVCONF, "Debian's resolvconf"),
        NETWORKMANAGER(DnsMode.NETWORKMANAGER, "NetworkManager"),
        DHCPCD(DnsMode.DHCPCD, "dhcpcd's 20-resolv.conf hook"),
        NOBODY(DnsMode.FILE, "nobody (a plain file)");

        private final DnsMode mode;
        private final String title;

        Owner(DnsMode mode, String title) {
            this.mode = mode;
            this.title = title;
        }

        public DnsMode mode() {
            return mode;
        }

        public String title() {
            return title;
        }
    }

    /** A resolvconf program: openresolv, Debian's resolvconf, or systemd-resolved's compatibility link. */
    public record Resolvconf(String path, Flavour flavour) {
    }

    public enum Flavour { OPENRESOLV, DEBIAN, RESOLVED_COMPAT }

    /** One line for a person: the owner and the evidence ("/etc/resolv.conf -> ..., NM rc-manager=..."). */
    public String describe() {
        StringBuilder sb = new StringBuilder(owner.title());
        StringBuilder why = new StringBuilder();
        resolvConfLink.ifPresent(l -> why.append("/etc/resolv.conf -> ").append(l));
        if (resolvConfLink.isEmpty() && !header.isEmpty()) {
            why.append("/etc/resolv.conf says '").append(header).append("'");
        }
        if (networkManager) {
            append(why, "NetworkManager runs (dns=" + nmDns + ", rc-manager=" + nmRcManager + ")");
        }
        resolvconf.filter(r -> r.flavour() != Flavour.RESOLVED_COMPAT).ifPresent(r -> append(why, r.path() + " is "
                + (r.flavour() == Flavour.OPENRESOLV ? "openresolv" : "Debian's resolvconf")));
        if (owner == Owner.DHCPCD) {
            append(why, "dhcpcd " + (dhcpcdRunning ? "runs" : "is installed but not running"));
        }
        return why.length() == 0 ? sb.toString() : sb.append(" (").append(why).append(")").toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append(s);
    }
}
