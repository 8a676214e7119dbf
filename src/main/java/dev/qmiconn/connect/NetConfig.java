package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/** Interface state through iproute2 argv lists: link up/down, address, default route, MTU, and the flush. */
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
        ip("-4", "addr", "flush", "dev", iface);
        // NetworkManager or dhcpcd on the same link (Raspberry Pi OS, legacy Raspbian) may lease the very same
        // address between the flush and the add: "Address already assigned" then means it is there, as wanted
        ip(stderr -> stderr.contains("Address already assigned") || stderr.contains("File exists"),
                "-4", "addr", "add", s.address() + "/" + s.prefix(), "dev", iface);
        if (s.mtu() != null) {
            ip("link", "set", "dev", iface, "mtu", Integer.toString(s.mtu()));
        }
        if (s.gateway() != null) {
            // onlink: on a raw-ip link the gateway the modem names may sit outside the /30 it hands out
            ip("-4", "route", "replace", "default", "via", s.gateway(), "dev", iface, "onlink");
        }
    }

    public void applyV6(String iface, String address, int prefix, String gateway) {
        ip("-6", "addr", "add", address + "/" + prefix, "dev", iface, "nodad");
        if (gateway != null) {
            ip("-6", "route", "replace", "default", "via", gateway, "dev", iface, "onlink");
        }
    }

    /** Best effort: {@code down} must go on even when the interface is already gone. Returns what failed. */
    public List<String> flush(String iface) {
        List<String> failed = new ArrayList<>();
        for (List<String> argv : List.of(
                List.of("ip", "-4", "route", "flush", "dev", iface),
                List.of("ip", "-6", "route", "flush", "dev", iface),
                List.of("ip", "-4", "addr", "flush", "dev", iface),
                List.of("ip", "-6", "addr", "flush", "dev", iface, "scope", "global"),
                List.of("ip", "link", "set", "dev", iface, "down"))) {
            CommandResult r = runner.run(CommandSpec.of(argv));
            if (!r.succeeded()) {
                failed.add(String.join(" ", argv) + ": " + r.stderr().strip());
            }
        }
        return failed;
    }

    private void ip(String... args) {
        ip(stderr -> false, args);
    }

    /** Runs ip; a failure whose stderr {@code meansDone} accepts (the wanted state is already there) is none. */
    private void ip(java.util.function.Predicate<String> meansDone, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        argv.addAll(List.of(args));
        CommandResult r = runner.run(CommandSpec.of(argv));
        if (!r.succeeded() && !meansDone.test(r.stderr())) {
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
