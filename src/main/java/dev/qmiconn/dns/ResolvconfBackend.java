package dev.qmiconn.dns;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.dns.ResolverSystem.Flavour;
import dev.qmiconn.process.CommandRunner;

/**
 * openresolv and Debian's resolvconf: the servers go in as the record {@code IFACE.qmi-conn}
 * ({@code resolvconf -a wwan0.qmi-conn} with {@code nameserver} lines on stdin), merged with every other record
 * (DHCP on eth0, NetworkManager with rc-manager=resolvconf), and {@code resolvconf -d} takes them out. The two
 * differ: openresolv runs its subscribers at once (its libc one writes /etc/resolv.conf, with
 * /etc/resolv.conf.head first) and complains about a missing record unless {@code -f}; Debian's stores the record
 * under /run/resolvconf/interface and updates /run/resolvconf/resolv.conf only once updates are enabled
 * (resolvconf.service runs {@code --enable-updates} at boot), and that reaches /etc/resolv.conf only through
 * the symlink its postinst made.
 */
final class ResolvconfBackend implements DnsBackend {

    static final String DEBIAN = "debian";
    static final String OPENRESOLV = "openresolv";

    private final CommandRunner runner;
    private final ResolverSystem system;

    /** {@code system} is what up saw (for its warnings); down needs only the record. */
    ResolvconfBackend(CommandRunner runner, ResolverSystem system) {
        this.runner = runner;
        this.system = system;
    }

    static String flavour(ResolverSystem s) {
        return s.resolvconf().map(ResolverSystem.Resolvconf::flavour).orElse(Flavour.OPENRESOLV) == Flavour.DEBIAN
                ? DEBIAN : OPENRESOLV;
    }

    @Override
    public List<String> apply(DnsRecord r) {
        StringBuilder in = new StringBuilder();
        r.servers().forEach(s -> in.append("nameserver ").append(s).append('\n'));
        ProgramCalls.mustRun(runner, List.of(r.program(), "-a", r.resolvconfRecord()), in.toString(),
                "see resolvconf(8), or choose another --dns");
        List<String> said = new ArrayList<>();
        said.add((DEBIAN.equals(r.flavour()) ? "Debian's resolvconf" : "openresolv") + " has "
                + String.join(" ", r.servers()) + " as record " + r.resolvconfRecord()
                + " (resolvconf -l " + r.resolvconfRecord() + ")");
        if (DEBIAN.equals(r.flavour()) && !system.resolvconfUpdatesEnabled()) {
            said.add("WARNING: resolvconf updates are disabled (no /run/resolvconf/enable-updates): the record is "
                    + "stored but /etc/resolv.conf is not rewritten until: sudo resolvconf --enable-updates");
        }
        if (DEBIAN.equals(r.flavour()) && !system.resolvConfLink().map(l -> l.contains("/resolvconf/"))
                .orElse(false)) {
            said.add("WARNING: /etc/resolv.conf is not the link to /run/resolvconf/resolv.conf, so resolvconf's "
                    + "result does not reach it: sudo dpkg-reconfigure resolvconf");
        }
        return said;
    }

    @Override
    public List<String> revert(DnsRecord r) {
        List<String> argv = DEBIAN.equals(r.flavour())
                ? List.of(r.program(), "-d", r.resolvconfRecord())
                : List.of(r.program(), "-f", "-d", r.resolvconfRecord());
        String p = ProgramCalls.problem(runner, argv, null);
        return p.isEmpty() ? List.of() : List.of(p);
    }
}
