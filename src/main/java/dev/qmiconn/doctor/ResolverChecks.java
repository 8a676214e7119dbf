package dev.qmiconn.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.dns.DnsRecord;
import dev.qmiconn.dns.ResolverSystem;
import dev.qmiconn.dns.ResolverSystem.Flavour;
import dev.qmiconn.dns.ResolverSystem.Owner;

/**
 * Who owns /etc/resolv.conf (the same detection {@code up --dns auto} uses), whether this session's DNS servers
 * reached it, and fixes that survive the owner's next rewrite. docs/TROUBLESHOOTING.md quotes every fix here
 * (a test keeps them equal).
 */
final class ResolverChecks {

    static final String ID = "resolver";
    static final String REUP = "sudo qmi-conn down && sudo qmi-conn up --dns auto";
    static final String ENABLE_UPDATES = "sudo resolvconf --enable-updates";
    static final String RELINK = "sudo dpkg-reconfigure resolvconf";
    static final String START_DHCPCD = "sudo systemctl enable --now dhcpcd   (or: qmi-conn up --dns file)";
    static final String INSTALL_RESOLVED = "sudo apt install systemd-resolved";
    static final String HEAD_TO_RESOLVED = "put your servers in /etc/systemd/resolved.conf (DNS=...), then: "
            + "sudo systemctl restart systemd-resolved";
    static final String HEAD_TO_DEBIAN = "sudo cp /etc/resolv.conf.head /etc/resolvconf/resolv.conf.d/head && "
            + "sudo resolvconf -u";
    static final String HEAD_TO_NM = "sudo nmcli connection modify CONNECTION ipv4.dns 'YOUR SERVERS' "
            + "(NetworkManager writes resolv.conf from its connections)";
    static final String HEAD_TO_FILE = "put your servers in /etc/resolv.conf itself";
    static final List<String> FIXES = List.of(REUP, ENABLE_UPDATES, RELINK, START_DHCPCD, INSTALL_RESOLVED,
            HEAD_TO_RESOLVED, HEAD_TO_DEBIAN, HEAD_TO_NM, HEAD_TO_FILE);

    private ResolverChecks() {
    }

    static Finding resolver(Probe p) {
        Path root = p.sys().root();
        ResolverSystem s = Dns.detect(root);
        String owner = "/etc/resolv.conf belongs to " + s.describe();
        List<DnsRecord> held = Dns.heldAll(root.resolve("run/qmi-conn"));
        if (!held.isEmpty()) {
            return session(p, s, owner, held.get(0));
        }
        boolean debianInstalled = s.resolvconf().map(r -> r.flavour() == Flavour.DEBIAN).orElse(false);
        if (debianInstalled && s.owner() != Owner.DEBIAN_RESOLVCONF) {
            return Finding.warn(ID, owner + ", but Debian's resolvconf is installed and /etc/resolv.conf is not its "
                    + "link to /run/resolvconf/resolv.conf: its records never reach the resolver", RELINK);
        }
        switch (s.owner()) {
            case DEBIAN_RESOLVCONF -> {
                if (!s.resolvconfUpdatesEnabled()) {
                    return Finding.warn(ID, owner + ", but its updates are disabled (no "
                            + "/run/resolvconf/enable-updates): records are stored and /etc/resolv.conf is never rewritten", ENABLE_UPDATES);
                }
            }
            case DHCPCD -> {
                if (!s.dhcpcdRunning()) {
                    return Finding.warn(ID, owner + ", but dhcpcd is not running: nothing rewrites /etc/resolv.conf "
                            + "from /etc/resolv.conf.head", START_DHCPCD);
                }
            }
            case RESOLVED -> {
                if (p.sys().findProgram("resolvectl").isEmpty()) {
                    return Finding.warn(ID, owner + ", but resolvectl is missing (qmi-conn hands resolved the "
                            + "servers with it)", INSTALL_RESOLVED);
                }
            }
            default -> {
            }
        }
        Optional<String> headFix = unreadHead(p, s.owner());
        if (headFix.isPresent()) {
            return Finding.warn(ID, owner + "; /etc/resolv.conf.head holds your own servers (the guide's fix), but "
                    + s.owner().title() + " never reads that file", headFix.get());
        }
        return Finding.ok(ID, owner + "; qmi-conn up --dns auto hands it the session's servers (--dns "
                + s.owner().mode().word() + ")");
    }

    /** This session's servers: sent to the owner, and in the file the resolver reads. */
    private static Finding session(Probe p, ResolverSystem s, String owner, DnsRecord r) {
        String servers = String.join(" ", r.servers());
        DnsMode wanted = s.owner().mode();
        if (r.mode() != wanted && !(r.mode() == DnsMode.DHCPCD && wanted == DnsMode.FILE)) {
            return Finding.warn(ID, owner + ", but this session's servers (" + servers + ") went to " + r.heldBy()
                    + ", which does not reach it", REUP);
        }
        String file = s.owner() == Owner.RESOLVED ? "/run/systemd/resolve/resolv.conf" : "/etc/resolv.conf";
        String text = readFollowing(p, file);
        boolean reached = r.servers().stream().allMatch(x -> text.contains("nameserver " + x));
        if (!reached) {
            boolean updatesOff = s.owner() == Owner.DEBIAN_RESOLVCONF && !s.resolvconfUpdatesEnabled();
            return Finding.warn(ID, owner + "; this session's servers (" + servers + ", " + r.heldBy() + ") are not in "
                    + file, updatesOff ? ENABLE_UPDATES : REUP);
        }
        return Finding.ok(ID, owner + "; this session's servers (" + servers + ") reached it (" + r.heldBy() + ")");
    }

    /** The guide's own nameserver lines in resolv.conf.head (outside qmi-conn's blocks), where nothing reads it. */
    private static Optional<String> unreadHead(Probe p, Owner owner) {
        if (owner == Owner.OPENRESOLV || owner == Owner.DHCPCD) {
            return Optional.empty(); // both put /etc/resolv.conf.head first
        }
        String head = p.sys().read("/etc/resolv.conf.head").orElse("");
        String own;
        try {
            own = DnsBlock.strip(head + "\n", "cdc-wdm0");
        } catch (RuntimeException e) {
            own = head;
        }
        if (own.lines().noneMatch(l -> l.strip().startsWith("nameserver"))) {
            return Optional.empty();
        }
        return Optional.of(switch (owner) {
            case RESOLVED -> HEAD_TO_RESOLVED;
            case DEBIAN_RESOLVCONF -> HEAD_TO_DEBIAN;
            case NETWORKMANAGER -> HEAD_TO_NM;
            default -> HEAD_TO_FILE;
        });
    }

    private static String readFollowing(Probe p, String file) {
        Optional<String> target = p.sys().linkTarget(file).filter(t -> t.startsWith("/"));
        return p.sys().read(target.orElse(file)).orElse("");
    }
}
