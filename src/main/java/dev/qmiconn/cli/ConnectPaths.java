package dev.qmiconn.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.qmiconn.connect.Dhcp;
import dev.qmiconn.connect.Paths;
import picocli.CommandLine.Option;

/** The file options {@code up}, {@code down} and {@code status} share (a picocli mixin): every path has one. */
public final class ConnectPaths {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/run/qmi-conn",
            description = "Where the session state and the device lock live (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--resolv-head", paramLabel = "FILE", defaultValue = "/etc/resolv.conf.head",
            description = "With --dns dhcpcd: the head file dhcpcd's hook puts first in resolv.conf; gets the "
                    + "managed DNS block, your own lines stay (default: ${DEFAULT-VALUE}).")
    Path resolvHead;

    @Option(names = "--resolv-conf", paramLabel = "FILE", defaultValue = "/etc/resolv.conf",
            description = "resolv.conf that gets the managed DNS block with --dns file or dhcpcd "
                    + "(default: ${DEFAULT-VALUE}).")
    Path resolvConf;

    @Option(names = "--sysfs-root", paramLabel = "DIR", defaultValue = "/sys", hidden = true)
    Path sysfsRoot;

    @Option(names = "--qmi-network-state-dir", paramLabel = "DIR", defaultValue = "/tmp", hidden = true,
            description = "Where qmi-network keeps qmi-network-state-<dev> (it hard-codes /tmp).")
    Path qmiNetworkStateDir;

    @Option(names = "--system-root", paramLabel = "DIR", defaultValue = "/", hidden = true,
            description = "Where the DNS backend reads what the system runs and writes NetworkManager's drop-in.")
    Path systemRoot;

    @Option(names = "--dhcp-hook", paramLabel = "FILE", hidden = true,
            description = "The udhcpc script that prints the lease (default: qmi-conn's own).")
    Path dhcpHook;

    Paths toPaths(Map<String, String> env) {
        return new Paths(stateDir, resolvHead, resolvConf, sysfsRoot, qmiNetworkStateDir,
                dhcpHook != null ? dhcpHook : Dhcp.defaultHook(env), systemRoot);
    }
}
