package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.CurrentSettings;

/**
 * Step 7 of {@code up}: link up, then IPv4 by DHCP (udhcpc with qmi-conn's hook) or statically from
 * {@code --wds-get-current-settings}; {@code auto} tries DHCP first and falls back to static. IPv6 is always
 * static from current settings (the modem hands out a /64 and gateway; there is no DHCPv6 on these links).
 */
public final class IpConfigurator {

    private final QmiClient qmi;
    private final Dhcp dhcp;
    private final NetConfig net;
    private final PrintWriter out;
    private CurrentSettings settings;
    private Integer v6Cid;
    private Runnable quiet = () -> { };

    public IpConfigurator(QmiClient qmi, Dhcp dhcp, NetConfig net, PrintWriter out) {
        this.qmi = qmi;
        this.dhcp = dhcp;
        this.net = net;
        this.out = out;
    }

    /**
     * {@code up} allocates the UIM id it keeps for {@code status} while DHCP runs ({@link KeptQueryIds#meanwhile});
     * a qmicli of ours must not run beside it on the one device node, so {@code quiet} (which waits for it) is
     * called before this asks the modem anything.
     */
    public IpConfigurator sharingQmiUntil(Runnable quiet) {
        this.quiet = quiet;
        return this;
    }

    /** What got applied. */
    public record Applied(IpSettings v4, String v6Address, Integer v6Prefix, List<String> dns) {
    }

    /**
     * {@code sessions}: the started calls; IPv6 settings are asked on the IPv6 call's client (bound to IPv6),
     * IPv4 ones on a fresh client (IPv4 by default).
     */
    public Applied configure(String iface, IpConfig how, boolean v4, boolean v6, List<DataSession> sessions) {
        this.v6Cid = sessions.stream().filter(s -> s.family().equals("ipv6")).map(DataSession::cid).findFirst()
                .orElse(null);
        net.linkUp(iface);
        IpSettings four = null;
        if (v4) {
            four = switch (how) {
                case DHCP -> dhcp.lease(iface).orElseThrow(() -> new QmiConnException(ExitCode.NO_ADDRESS,
                        "no DHCP lease on " + iface + " (udhcpc gave up after 5 tries); try --ip-config static"));
                case STATIC -> staticV4().orElseThrow(() -> new QmiConnException(ExitCode.NO_ADDRESS,
                        "the modem reports no IPv4 settings for the session"));
                case AUTO -> dhcp.lease(iface).or(() -> {
                    out.println("no DHCP lease on " + iface + "; using the modem's settings");
                    return staticV4();
                }).orElseThrow(() -> new QmiConnException(ExitCode.NO_ADDRESS,
                        "no DHCP lease on " + iface + " and the modem reports no IPv4 settings"));
            };
            net.applyV4(iface, four);
        }
        String v6Address = null;
        Integer v6Prefix = null;
        List<String> dns = new ArrayList<>(four == null ? List.of() : four.dns());
        if (v6) {
            quiet.run();
            CurrentSettings cs = v6Cid == null ? settings() : qmi.currentSettings(v6Cid);
            if (cs.ipv6Address() == null) {
                if (!v4) {
                    throw new QmiConnException(ExitCode.NO_ADDRESS, "the modem reports no IPv6 address");
                }
                out.println("the modem reports no IPv6 address; IPv4 only");
            } else {
                v6Address = cs.ipv6Address();
                v6Prefix = cs.ipv6Prefix() == null ? 64 : cs.ipv6Prefix();
                net.applyV6(iface, v6Address, v6Prefix, cs.ipv6Gateway());
                dns.addAll(cs.ipv6Dns());
            }
        }
        return new Applied(four, v6Address, v6Prefix, dns);
    }

    private Optional<IpSettings> staticV4() {
        CurrentSettings cs = settings();
        if (cs.ipv4Address() == null) {
            return Optional.empty();
        }
        int prefix = cs.ipv4Prefix() != null ? cs.ipv4Prefix()
                : cs.ipv4SubnetMask() != null ? Ipv4.prefixOf(cs.ipv4SubnetMask()) : 32;
        return Optional.of(new IpSettings(cs.ipv4Address(), prefix, cs.ipv4Gateway(), cs.ipv4Dns(), cs.mtu(),
                "static"));
    }

    private CurrentSettings settings() {
        if (settings == null) {
            quiet.run();
            settings = qmi.currentSettings();
        }
        return settings;
    }
}
