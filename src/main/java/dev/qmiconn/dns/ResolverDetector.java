package dev.qmiconn.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import dev.qmiconn.dns.ResolverSystem.Flavour;
import dev.qmiconn.dns.ResolverSystem.Owner;
import dev.qmiconn.dns.ResolverSystem.Resolvconf;
import dev.qmiconn.process.ProgramPath;
import dev.qmiconn.process.RunningPrograms;

/**
 * Reads, under a root prefix (so doctor's fixture trees and the tests never look at this machine), which manager
 * owns /etc/resolv.conf. Only files are read: the symlink and first comment of /etc/resolv.conf, the resolvconf
 * program, NetworkManager's configuration and process, dhcpcd's hook and process. The rules follow the managers'
 * own sources: NetworkManager 1.42 {@code nm-dns-manager.c} (dns=default turns into systemd-resolved when
 * resolv.conf links to resolved's files; rc-manager=auto picks unmanaged under resolved, else resolvconf when
 * {@code /sbin/resolvconf} is executable, else symlink, which leaves a symlinked resolv.conf alone), openresolv
 * 3.12 (its libc subscriber writes /etc/resolv.conf and prepends /etc/resolv.conf.head), Debian resolvconf 1.91
 * (writes /run/resolvconf/resolv.conf; reaches /etc/resolv.conf only through the symlink its postinst makes).
 */
public final class ResolverDetector {

    static final String RESOLV_CONF = "/etc/resolv.conf";
    public static final List<String> DHCPCD_HOOKS = List.of("/lib/dhcpcd/dhcpcd-hooks/20-resolv.conf",
            "/usr/lib/dhcpcd/dhcpcd-hooks/20-resolv.conf");
    private static final List<String> NM_CONF_DIRS_BEFORE = List.of("/usr/lib/NetworkManager/conf.d",
            "/run/NetworkManager/conf.d");
    private static final String NM_MAIN = "/etc/NetworkManager/NetworkManager.conf";
    private static final String NM_CONF_DIR = "/etc/NetworkManager/conf.d";

    private final Path root;

    public ResolverDetector(Path root) {
        this.root = root;
    }

    public ResolverSystem detect() {
        Optional<String> link = linkTarget(RESOLV_CONF);
        String header = header();
        Optional<Resolvconf> resolvconf = resolvconf();
        // NetworkManager always keeps its own copy in /run/NetworkManager/resolv.conf; the directory also tells this
        // system's NetworkManager from one in a namespace that shares our /proc but not our /run
        boolean nm = running("NetworkManager") && exists("/run/NetworkManager");
        String nmDns = nmSetting("dns").orElse("default");
        if (nmDns.equals("default") && link.map(ResolverDetector::isResolvedFile).orElse(false)) {
            nmDns = "systemd-resolved";
        }
        String rc = nmRcManager(nmDns);
        boolean hook = DHCPCD_HOOKS.stream().anyMatch(this::exists);
        boolean dhcpcd = running("dhcpcd");
        boolean updates = exists("/run/resolvconf/enable-updates");
        Owner owner = owner(link, header, resolvconf, nm, nmDns, rc, hook);
        return new ResolverSystem(owner, link, header, resolvconf, nm, nmDns, rc, hook, dhcpcd, updates);
    }

    private static Owner owner(Optional<String> link, String header, Optional<Resolvconf> resolvconf, boolean nm,
                               String nmDns, String rc, boolean hook) {
        if (link.map(ResolverDetector::isResolvedFile).orElse(false) || header.contains("systemd-resolved")) {
            return Owner.RESOLVED;
        }
        if (nm && nmDns.equals("systemd-resolved")) {
            return Owner.RESOLVED;
        }
        if (nm && rc.equals("resolvconf") && resolvconf.isPresent()) {
            return resolvconfOwner(resolvconf.get());
        }
        boolean nmWrites = rc.equals("file")
                || (rc.equals("symlink") && link.map(l -> l.contains("NetworkManager/")).orElse(true));
        if (nm && nmWrites && !nmDns.equals("none")) {
            return Owner.NETWORKMANAGER;
        }
        if (resolvconf.isPresent()) {
            Resolvconf r = resolvconf.get();
            if (r.flavour() != Flavour.DEBIAN || link.map(l -> l.contains("/resolvconf/")).orElse(false)) {
                return resolvconfOwner(r);
            }
        }
        if (hook || header.contains("dhcpcd")) {
            return Owner.DHCPCD;
        }
        return Owner.NOBODY;
    }

    private static Owner resolvconfOwner(Resolvconf r) {
        return switch (r.flavour()) {
            case OPENRESOLV -> Owner.OPENRESOLV;
            case DEBIAN -> Owner.DEBIAN_RESOLVCONF;
            case RESOLVED_COMPAT -> Owner.RESOLVED;
        };
    }

    static boolean isResolvedFile(String target) {
        return target.contains("systemd/resolve/") || target.endsWith("systemd/resolv.conf");
    }

    /**
     * openresolv's script names itself ({@code OPENRESOLV_VERSION=}); Debian's has /lib/resolvconf/list-records;
     * systemd-resolved ships /sbin/resolvconf as a link to resolvectl.
     */
    Optional<Resolvconf> resolvconf() {
        for (String dir : ProgramPath.SYSTEM_DIRS) {
            String candidate = dir + "/resolvconf";
            Path p = path(candidate);
            if (!Files.isExecutable(p) || Files.isDirectory(p)) {
                continue;
            }
            if (linkTarget(candidate).map(t -> t.endsWith("resolvectl")).orElse(false)) {
                return Optional.of(new Resolvconf(candidate, Flavour.RESOLVED_COMPAT));
            }
            String script = read(candidate).orElse("");
            Flavour f = script.contains("openresolv") ? Flavour.OPENRESOLV : Flavour.DEBIAN;
            return Optional.of(new Resolvconf(candidate, f));
        }
        return Optional.empty();
    }

    private String nmRcManager(String dns) {
        if (dns.equals("none")) {
            return "unmanaged";
        }
        String rc = nmSetting("rc-manager").orElse("auto");
        if (rc.equals("none")) {
            return "symlink"; // deprecated alias (NetworkManager.conf(5))
        }
        if (!rc.equals("auto")) {
            return rc;
        }
        if (dns.equals("systemd-resolved")) {
            return "unmanaged";
        }
        // Debian builds NetworkManager with RESOLVCONF_PATH=/sbin/resolvconf
        return Files.isExecutable(path("/sbin/resolvconf")) ? "resolvconf" : "symlink";
    }

    /** The last value of {@code [main] KEY=} over NetworkManager's configuration files, in NM's reading order. */
    Optional<String> nmSetting(String key) {
        List<String> files = new ArrayList<>();
        NM_CONF_DIRS_BEFORE.forEach(d -> files.addAll(confFiles(d)));
        files.add(NM_MAIN);
        files.addAll(confFiles(NM_CONF_DIR));
        Optional<String> value = Optional.empty();
        for (String f : files) {
            String section = "";
            for (String line : read(f).orElse("").split("\n")) {
                String l = line.strip();
                if (l.startsWith("[") && l.endsWith("]")) {
                    section = l.substring(1, l.length() - 1).strip();
                } else if (section.equals("main") && l.startsWith(key) && l.substring(key.length()).strip()
                        .startsWith("=")) {
                    value = Optional.of(l.substring(l.indexOf('=') + 1).strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return value;
    }

    private List<String> confFiles(String dir) {
        Path d = path(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf")).sorted()
                    .map(n -> dir + "/" + n).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The first comment line of /etc/resolv.conf ("# Generated by NetworkManager"), or empty. */
    private String header() {
        for (String line : read(RESOLV_CONF).orElse("").split("\n")) {
            String l = line.strip();
            if (l.startsWith("#")) {
                return l.replaceFirst("^#+\\s*", "");
            }
            if (!l.isEmpty()) {
                return "";
            }
        }
        return "";
    }

    boolean running(String comm) {
        return !RunningPrograms.named(root, comm).isEmpty();
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    Optional<String> linkTarget(String absolute) {
        try {
            return Optional.of(Files.readSymbolicLink(path(absolute)).toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a file, following an absolute symlink inside the root (a fixture's /etc/resolv.conf ->
     * /run/NetworkManager/resolv.conf must not reach this machine's /run).
     */
    Optional<String> read(String absolute) {
        Optional<String> target = linkTarget(absolute);
        if (target.isPresent() && target.get().startsWith("/")) {
            return readPath(path(target.get()));
        }
        return readPath(path(absolute));
    }

    private static Optional<String> readPath(Path p) {
        try {
            return Optional.of(Files.readString(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
