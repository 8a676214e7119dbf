package dev.qmiconn.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.process.CommandRunner;

/**
 * NetworkManager writing /etc/resolv.conf itself (dns=default, rc-manager symlink or file, no resolvconf): it
 * rewrites that file from its own view on every change, so a line put there by anyone else is lost at its next
 * DHCP renewal. NetworkManager does not manage the modem's wwan0 either (its wwan plugin only takes ports that
 * ModemManager hands it), so there is no connection of ours to attach servers to. What it does support, and keeps
 * across its own rewrites, is a global DNS configuration read from its configuration directories
 * (NetworkManager.conf(5), "[global-dns-domain-*] servers="; a change found on reload makes it rewrite
 * resolv.conf: NM_CONFIG_CHANGE_GLOBAL_DNS_CONFIG in nm-dns-manager.c). qmi-conn writes it as a per-boot drop-in
 * under /run/NetworkManager/conf.d (gone at reboot, so never stale) and runs {@code nmcli general reload conf};
 * down deletes it and reloads again. While it is there these servers replace the other connections' servers.
 * Where NetworkManager hands DNS to resolvconf or systemd-resolved, those backends are used instead (they merge).
 */
final class NetworkManagerBackend implements DnsBackend {

    /** Per-boot configuration NetworkManager reads (NetworkManager.conf(5)), under the system root. */
    static final String CONF_DIR = "/run/NetworkManager/conf.d";

    private final CommandRunner runner;

    NetworkManagerBackend(CommandRunner runner) {
        this.runner = runner;
    }

    static String fileName(String iface) {
        return "90-qmi-conn-" + iface + ".conf";
    }

    /** The drop-in, as recorded by {@link Dns} (the one file of an NM record). */
    private static Path dropIn(DnsRecord r) {
        return Path.of(r.files().get(0));
    }

    static String render(DnsRecord r) {
        return "# Written by qmi-conn up for " + r.iface() + " (" + r.tag() + "); qmi-conn down removes it.\n"
                + "# Per boot: /run is emptied at reboot. See NetworkManager.conf(5), GLOBAL DNS SECTION.\n"
                + "[global-dns-domain-*]\n"
                + "servers=" + String.join(",", r.servers()) + "\n";
    }

    @Override
    public List<String> apply(DnsRecord r) {
        AtomicFiles.write(dropIn(r), render(r));
        ProgramCalls.mustRun(runner, List.of(r.program(), "general", "reload", "conf"), null,
                "is NetworkManager running? (" + dropIn(r) + " is written and takes effect at its next "
                        + "reload)");
        List<String> said = new ArrayList<>();
        said.add("NetworkManager now writes " + String.join(" ", r.servers()) + " into /etc/resolv.conf (global DNS "
                + "from " + dropIn(r) + "; it replaces other connections' DNS servers until qmi-conn down)");
        return said;
    }

    @Override
    public List<String> revert(DnsRecord r) {
        List<String> problems = new ArrayList<>();
        try {
            if (!Files.deleteIfExists(dropIn(r))) {
                return problems;
            }
        } catch (IOException e) {
            problems.add("cannot remove " + dropIn(r) + ": " + e.getMessage());
            return problems;
        }
        String p = ProgramCalls.problem(runner, List.of(r.program(), "general", "reload", "conf"), null);
        if (!p.isEmpty()) {
            problems.add(p + " (the drop-in is removed; NetworkManager drops the servers at its next reload)");
        }
        return problems;
    }
}
