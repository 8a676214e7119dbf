package dev.qmiconn.dns;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.CommandRunner;

/**
 * systemd-resolved: the servers become the modem link's own ({@code resolvectl dns wwan0 S1 S2}), so resolved
 * routes queries to them through its stub (127.0.0.53) and nothing ever edits the stub file it rewrites. Per-link
 * settings live in resolved's memory only; {@code resolvectl revert wwan0} drops them (and they die with the
 * link). resolvectl talks to org.freedesktop.resolve1 over D-Bus: SetLinkDNS / RevertLink.
 */
final class ResolvedBackend implements DnsBackend {

    private final CommandRunner runner;

    ResolvedBackend(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public List<String> apply(DnsRecord r) {
        List<String> argv = new ArrayList<>(List.of(r.program(), "dns", r.iface()));
        argv.addAll(r.servers());
        ProgramCalls.mustRun(runner, argv, null, "is systemd-resolved running (systemctl status systemd-resolved)? "
                + "Or choose another --dns");
        return List.of("systemd-resolved now uses " + String.join(" ", r.servers()) + " for " + r.iface()
                + " (resolvectl status " + r.iface() + ")");
    }

    @Override
    public List<String> revert(DnsRecord r) {
        String p = ProgramCalls.problem(runner, List.of(r.program(), "revert", r.iface()), null);
        // the link is often gone already (modem unplugged): resolved forgot it with the link
        return p.isEmpty() || p.contains("No such device") || p.contains("not known") ? List.of() : List.of(p);
    }
}
