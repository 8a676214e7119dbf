package dev.qmiconn.at;


import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;

/**
 * {@code qmi-conn up --method at} and {@code down --method at}: {@link AtBringUp} plus DNS handed over exactly as
 * the QMI path does it ({@link Dns}, the backend chosen by {@code --dns}), tagged {@code at-IFACE} so it never
 * collides with the QMI path's {@code cdc-wdm0} record or block.
 */
public final class AtMethod {

    private final CommandRunner runner;
    private final PrintWriter out;

    public AtMethod(CommandRunner runner, PrintWriter out) {
        this.runner = runner;
        this.out = out;
    }

    /** {@code --method}: {@code qmi} (the default path) or {@code at}; anything else is refused. */
    public static boolean isAt(String method) {
        if ("at".equals(method)) {
            return true;
        }
        if ("qmi".equals(method)) {
            return false;
        }
        throw new QmiConnException(ExitCode.BAD_INPUT, "invalid --method '" + Validation.printable(method)
                + "': qmi or at");
    }

    /** The interface the AT path configures: E397u-53's NDIS function appears as wwan0 (qmi_wwan). */
    public static String iface(String option) {
        return option == null || "auto".equals(option) ? "wwan0" : Validation.iface(option);
    }

    static String tag(String iface) {
        return "at-" + iface;
    }

    public void up(java.util.function.Supplier<AtModem> port, String apn, String ifaceOption, Duration timeout, DnsMode dnsMode,
                   Paths paths) {
        if (apn == null) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "APN is empty: give --apn NAME (the AT path needs one)");
        }
        Validation.apn(apn);
        String iface = iface(ifaceOption);
        AtBringUp bringUp = new AtBringUp(runner);
        DhcpSettings s;
        Dns resolver = new Dns(runner, paths.stateDir());
        List<String> said;
        try (AtModem modem = port.get()) {
            s = bringUp.up(modem, apn, iface, timeout);
            try {
                said = resolver.apply(paths.dns(dnsMode), tag(iface), iface, dns(s));
            } catch (RuntimeException e) {
                bringUp.down(modem, iface);
                resolver.revert(tag(iface));
                throw new QmiConnException(ExitCode.FAILURE, "cannot write DNS: " + e.getMessage()
                        + "; the session was hung up (AT^NDISDUP=1,0)", e);
            }
        }
        out.println(iface + " is up over the AT port: " + s.cidr() + " via " + s.gateway() + ", DNS "
                + String.join(" ", dns(s)));
        said.forEach(out::println);
        out.flush();
    }

    public void down(java.util.function.Supplier<AtModem> port, String ifaceOption, Paths paths) {
        String iface = iface(ifaceOption);
        try (AtModem modem = port.get()) {
            new AtBringUp(runner).down(modem, iface);
        }
        List<String> left = new Dns(runner, paths.stateDir()).revert(tag(iface));
        // blocks an older qmi-conn wrote before DNS had backends
        DnsBlock.remove(paths.resolvHead(), tag(iface));
        DnsBlock.remove(paths.resolvConf(), tag(iface));
        if (!left.isEmpty()) {
            throw new QmiConnException(ExitCode.FAILURE, iface + " is down, but its DNS servers could not be taken "
                    + "back: " + String.join("; ", left));
        }
        out.println(iface + " is down (AT^NDISDUP=1,0 sent, address and DNS servers removed)");
        out.flush();
    }

    /** 0.0.0.0 means "none" in the ^DHCP fields; duplicates are written once. */
    static List<String> dns(DhcpSettings s) {
        List<String> servers = new ArrayList<>();
        for (String d : List.of(s.dns1(), s.dns2())) {
            if (!d.equals("0.0.0.0") && !servers.contains(d)) {
                servers.add(d);
            }
        }
        return servers;
    }
}
