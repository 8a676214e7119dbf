package dev.qmiconn.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * IPv4 by a real DHCP client: busybox udhcpc in the foreground, quitting after the lease, with qmi-conn's own
 * hook script ({@code bin/qmi-conn-udhcpc-hook}) that only prints the lease. udhcpc works on raw-ip links too,
 * where isc dhclient fails (ARPHRD_NONE). {@code -t 5 -T 1}: five discovers a second apart, so a silent network
 * costs about 5 s, not udhcpc's default minute.
 */
public final class Dhcp {

    static final String PREFIX = "qmi-conn-lease ";
    static final Duration BUDGET = Duration.ofSeconds(12);

    private final CommandRunner runner;
    private final Path hook;

    public Dhcp(CommandRunner runner, Path hook) {
        this.runner = runner;
        this.hook = hook;
    }

    public static List<String> argv(String iface, Path hook) {
        return List.of("udhcpc", "-i", iface, "-f", "-q", "-n", "-t", "5", "-T", "1", "-O", "mtu", "-s",
                hook.toString());
    }

    /** The lease, or empty when none came (udhcpc -n exits 1). */
    public Optional<IpSettings> lease(String iface) {
        CommandResult r = runner.run(CommandSpec.of(argv(iface, hook)).withTimeout(BUDGET));
        if (!r.succeeded()) {
            return Optional.empty();
        }
        return parseLease(r.stdout());
    }

    /**
     * Reads what the hook printed. Sample:
     * <pre>
     * qmi-conn-lease ip=10.64.64.2
     * qmi-conn-lease subnet=255.255.255.0
     * qmi-conn-lease router=10.64.64.1
     * qmi-conn-lease dns=10.64.64.53 8.8.4.4
     * qmi-conn-lease mtu=1500
     * </pre>
     */
    public static Optional<IpSettings> parseLease(String stdout) {
        Map<String, String> v = new HashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith(PREFIX)) {
                int eq = line.indexOf('=', PREFIX.length());
                if (eq > 0) {
                    v.putIfAbsent(line.substring(PREFIX.length(), eq), line.substring(eq + 1).strip());
                }
            }
        }
        String ip = v.get("ip");
        if (!Ipv4.isValid(ip)) {
            return Optional.empty();
        }
        int prefix = Ipv4.isValid(v.get("subnet")) ? Ipv4.prefixOf(v.get("subnet")) : 32;
        String router = firstValid(v.getOrDefault("router", ""));
        List<String> dns = new ArrayList<>();
        for (String s : v.getOrDefault("dns", "").split("\\s+")) {
            if (Ipv4.isValid(s)) {
                dns.add(s);
            }
        }
        Integer mtu = v.getOrDefault("mtu", "").matches("\\d{3,5}") ? Integer.valueOf(v.get("mtu")) : null;
        return Optional.of(new IpSettings(ip, prefix, router, dns, mtu, "dhcp"));
    }

    private static String firstValid(String list) {
        for (String s : list.split("\\s+")) {
            if (Ipv4.isValid(s)) {
                return s;
            }
        }
        return null;
    }

    /** The hook shipped beside the launcher (QMI_CONN_HOME/bin) or in the Debian package's share directory. */
    public static Path defaultHook(Map<String, String> env) {
        String home = env.get("QMI_CONN_HOME");
        if (home != null) {
            Path p = Path.of(home, "bin", "qmi-conn-udhcpc-hook");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of("/usr/share/qmi-conn/qmi-conn-udhcpc-hook");
    }
}
