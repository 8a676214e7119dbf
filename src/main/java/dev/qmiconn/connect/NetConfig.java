package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * Interface state through iproute2: link up/down, and the address, default route and MTU of a session as one
 * {@code ip -batch -} run per family (each {@code ip} run costs a fork and exec, ~5 ms on a Pi-class board and
 * inside the service's interpreted JVM; {@code up} used to run four after udhcpc and {@code down} five). The
 * script is the run's standard input; every value in it is validated (interface name, addresses), so a line is
 * never split or commented out by what it carries. {@code -force} runs every line even after one fails, so the
 * one refusal that means "already there" does not skip the route, and {@code down} attempts every step.
 */
public final class NetConfig {

    private final CommandRunner runner;

    public NetConfig(CommandRunner runner) {
        this.runner = runner;
    }

    public void linkUp(String iface) {
        ip("link", "set", "dev", iface, "up");
    }

    public void linkDown(String iface) {
        ip("link", "set", "dev", iface, "down");
    }

    public void applyV4(String iface, IpSettings s) {
        List<String> lines = new ArrayList<>();
        lines.add("addr flush dev " + iface);
        // NetworkManager or dhcpcd on the same link (Raspberry Pi OS, legacy Raspbian) may lease the very same
        // address between the flush and the add: "Address already assigned" then means it is there, as wanted
        String add = "addr add " + s.address() + "/" + s.prefix() + " dev " + iface;
        lines.add(add);
        if (s.mtu() != null) {
            lines.add("link set dev " + iface + " mtu " + s.mtu());
        }
        if (s.gateway() != null) {
            // onlink: on a raw-ip link the gateway the modem names may sit outside the /30 it hands out
            lines.add("route replace default via " + s.gateway() + " dev " + iface + " onlink");
        }
        apply("-4", lines, (line, stderr) -> line.equals(add)
                && (stderr.contains("Address already assigned") || stderr.contains("File exists")));
    }

    public void applyV6(String iface, String address, int prefix, String gateway) {
        List<String> lines = new ArrayList<>();
        lines.add("addr add " + address + "/" + prefix + " dev " + iface + " nodad");
        if (gateway != null) {
            lines.add("route replace default via " + gateway + " dev " + iface + " onlink");
        }
        apply("-6", lines, (line, stderr) -> false);
    }

    /** Best effort: {@code down} must go on even when the interface is already gone. Returns what failed. */
    public List<String> flush(String iface) {
        List<String> failed = new ArrayList<>();
        failed.addAll(batch("-4", List.of("route flush dev " + iface, "addr flush dev " + iface)).describe());
        failed.addAll(batch("-6", List.of("route flush dev " + iface, "addr flush dev " + iface + " scope global",
                "link set dev " + iface + " down")).describe());
        return failed;
    }

    /** Runs the lines; a refused line {@code meansDone} accepts (the wanted state is already there) is none. */
    private void apply(String family, List<String> lines, java.util.function.BiPredicate<String, String> meansDone) {
        IpBatch.Outcome o = batch(family, lines);
        if (o.exitCode() == 127) {
            throw new QmiConnException(ExitCode.TOOL_MISSING, "ip not found: " + firstLine(o.stderr()));
        }
        for (IpBatch.Refusal r : o.refusals()) {
            if (!meansDone.test(r.line(), r.message())) {
                throw new QmiConnException(ExitCode.NO_ADDRESS, "ip " + family + " " + r.line() + " failed: "
                        + firstLine(r.message()));
            }
        }
    }

    private IpBatch.Outcome batch(String family, List<String> lines) {
        return IpBatch.run(runner, family, lines);
    }

    private void ip(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        argv.addAll(List.of(args));
        CommandResult r = runner.run(CommandSpec.of(argv));
        if (!r.succeeded()) {
            throw new QmiConnException(r.exitCode() == 127 ? ExitCode.TOOL_MISSING : ExitCode.NO_ADDRESS,
                    String.join(" ", argv) + " failed: " + firstLine(r.stderr()));
        }
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
