package dev.qmiconn.dns;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import dev.qmiconn.process.Ahead;
import dev.qmiconn.process.CommandRunner;

/**
 * Hands a session's DNS servers to whatever the system runs ({@link DnsMode}; {@code auto} asks
 * {@link ResolverDetector}) and takes them back. {@code up} (QMI and AT), the service and {@code down} use only
 * this: {@link #apply} records the backend in {@code STATE_DIR/<tag>.dns.json} before handing the servers over,
 * {@link #revert} undoes exactly what that record says, and {@link #held} tells {@code status} where they are.
 */
public final class Dns {

    /**
     * What {@code up} was asked for: the mode and the root the system is read under (/ except in tests), and the
     * marker-block files of the {@code file} and {@code dhcpcd} backends.
     */
    public record Setup(DnsMode mode, Path root, Path resolvHead, Path resolvConf) {

        public Setup {
            mode = mode == null ? DnsMode.AUTO : mode;
            root = root == null ? Path.of("/") : root;
        }
    }

    private final CommandRunner runner;
    private final Path stateDir;

    public Dns(CommandRunner runner, Path stateDir) {
        this.runner = runner;
        this.stateDir = stateDir;
    }

    /** What {@code auto} would pick on the system under {@code root}, and why. */
    public static ResolverSystem detect(Path root) {
        return new ResolverDetector(root).detect();
    }

    /**
     * What {@link #apply} would refuse, found before the modem is touched: for the file backends, a marker-block
     * file that cannot be read or replaced (see {@link DnsBlock#check}).
     */
    public static void check(Setup setup, String tag) {
        for (String f : files(setup, modeFor(setup, detect(setup.root())), "wwan0")) {
            if (!f.contains("/NetworkManager/")) {
                DnsBlock.check(Path.of(f), tag);
            }
        }
    }

    private static DnsMode modeFor(Setup setup, ResolverSystem sys) {
        return setup.mode() == DnsMode.AUTO ? sys.owner().mode() : setup.mode();
    }

    private static List<String> files(Setup setup, DnsMode mode, String iface) {
        return switch (mode) {
            case FILE -> List.of(setup.resolvConf().toString());
            case DHCPCD -> List.of(setup.resolvHead().toString(), setup.resolvConf().toString());
            case NETWORKMANAGER -> List.of(setup.root().resolve(NetworkManagerBackend.CONF_DIR.substring(1))
                    .resolve(NetworkManagerBackend.fileName(iface)).toString());
            default -> List.of();
        };
    }

    /**
     * {@link #detect} started now on a daemon thread, for an {@link #apply} that comes after a wait on the modem
     * and DHCP (~10-20 ms of /proc and /etc reads in the service's interpreted JVM, off the path). What it reads
     * (which manager owns /etc/resolv.conf) is read moments earlier than at the hand-over, as the one-shot
     * {@code up}'s preflight does anyway. A detection that failed is run again at the hand-over, in line.
     */
    public static Supplier<ResolverSystem> detectAhead(Path root) {
        FutureTask<ResolverSystem> task = Ahead.start("qmi-conn-resolver-detect",
                new FutureTask<>(() -> detect(root)));
        return () -> {
            try {
                return Ahead.get(task, "detecting the resolver");
            } catch (RuntimeException e) {
                return detect(root);
            }
        };
    }

    /**
     * Hands {@code servers} over; returns the lines to show the user (where they went, warnings). No servers, or
     * mode none: nothing is recorded or changed.
     */
    public List<String> apply(Setup setup, String tag, String iface, List<String> servers) {
        return apply(setup, tag, iface, servers, () -> detect(setup.root()));
    }

    /** As {@link #apply(Setup, String, String, List)}, with the system's resolver from {@code detected}. */
    public List<String> apply(Setup setup, String tag, String iface, List<String> servers,
                              Supplier<ResolverSystem> detected) {
        ResolverSystem sys = detected.get();
        DnsMode mode = modeFor(setup, sys);
        if (servers.isEmpty()) {
            return List.of("the modem gave no DNS servers; DNS left as it was");
        }
        if (mode == DnsMode.NONE) {
            return List.of("--dns none: the servers (" + String.join(" ", servers) + ") were given to nobody");
        }
        String program = switch (mode) {
            case RESOLVED -> "resolvectl";
            case RESOLVCONF -> sys.resolvconf().filter(r -> r.flavour() != ResolverSystem.Flavour.RESOLVED_COMPAT)
                    .map(ResolverSystem.Resolvconf::path).orElse("resolvconf");
            case NETWORKMANAGER -> "nmcli";
            default -> null;
        };
        List<String> files = files(setup, mode, iface);
        DnsRecord record = new DnsRecord(mode.word(), iface, tag, servers, program, files,
                mode == DnsMode.RESOLVCONF ? ResolvconfBackend.flavour(sys) : null, sys.describe());
        record.write(stateDir);
        return backend(mode, sys).apply(record);
    }

    /** Undoes what the record for {@code tag} says; returns what could not be undone (the record then stays). */
    public List<String> revert(String tag) {
        Optional<DnsRecord> held = DnsRecord.read(stateDir, tag);
        if (held.isEmpty()) {
            return List.of();
        }
        List<String> problems = backend(held.get().mode(), null).revert(held.get());
        if (problems.isEmpty()) {
            DnsRecord.delete(stateDir, tag);
        }
        return problems;
    }

    /** Every session's record in {@code stateDir} (doctor: did this session's servers reach the resolver?). */
    public static List<DnsRecord> heldAll(Path stateDir) {
        List<DnsRecord> out = new java.util.ArrayList<>();
        try (var s = java.nio.file.Files.list(stateDir)) {
            for (Path f : s.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".dns.json")) {
                    held(stateDir, n.substring(0, n.length() - ".dns.json".length())).ifPresent(out::add);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Which backend holds the servers of {@code tag}, for status. */
    public static Optional<DnsRecord> held(Path stateDir, String tag) {
        try {
            return DnsRecord.read(stateDir, tag);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private DnsBackend backend(DnsMode mode, ResolverSystem sys) {
        return switch (mode) {
            case RESOLVED -> new ResolvedBackend(runner);
            case RESOLVCONF -> new ResolvconfBackend(runner, sys);
            case NETWORKMANAGER -> new NetworkManagerBackend(runner);
            case FILE, DHCPCD -> new FileBackend();
            case AUTO, NONE -> throw new IllegalStateException("no backend for " + mode);
        };
    }
}
