package dev.qmiconn.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.qmiconn.connect.Dhcp;
import dev.qmiconn.connect.Paths;
import picocli.CommandLine.Option;

/** The file options {@code up}, {@code down} and {@code status} share (a picocli mixin): every path has one. */
public final class ConnectPaths {

    // the defaults, named so that StatusPrefetch assumes exactly these without reading the annotations
    static final String STATE_DIR = "/run/qmi-conn";
    static final String RESOLV_HEAD = "/etc/resolv.conf.head";
    static final String RESOLV_CONF = "/etc/resolv.conf";
    static final String SYSFS_ROOT = "/sys";
    static final String QMI_NETWORK_STATE_DIR = "/tmp";
    static final String SYSTEM_ROOT = "/";

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = STATE_DIR,
            description = "Where the session state and the device lock live (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--resolv-head", paramLabel = "FILE", defaultValue = RESOLV_HEAD,
            description = "With --dns dhcpcd: the head file dhcpcd's hook puts first in resolv.conf; gets the "
                    + "managed DNS block, your own lines stay (default: ${DEFAULT-VALUE}).")
    Path resolvHead;

    @Option(names = "--resolv-conf", paramLabel = "FILE", defaultValue = RESOLV_CONF,
            description = "resolv.conf that gets the managed DNS block with --dns file or dhcpcd "
                    + "(default: ${DEFAULT-VALUE}).")
    Path resolvConf;

    @Option(names = "--sysfs-root", paramLabel = "DIR", defaultValue = SYSFS_ROOT, hidden = true)
    Path sysfsRoot;

    @Option(names = "--qmi-network-state-dir", paramLabel = "DIR", defaultValue = QMI_NETWORK_STATE_DIR, hidden = true,
            description = "Where qmi-network keeps qmi-network-state-<dev> (it hard-codes /tmp).")
    Path qmiNetworkStateDir;

    @Option(names = "--system-root", paramLabel = "DIR", defaultValue = SYSTEM_ROOT, hidden = true,
            description = "Where the DNS backend reads what the system runs and writes NetworkManager's drop-in.")
    Path systemRoot;

    @Option(names = "--dhcp-hook", paramLabel = "FILE", hidden = true,
            description = "The udhcpc script that prints the lease (default: qmi-conn's own).")
    Path dhcpHook;

    /** The paths when no option is given. */
    static Paths defaults(Map<String, String> env) {
        return new Paths(Path.of(STATE_DIR), Path.of(RESOLV_HEAD), Path.of(RESOLV_CONF), Path.of(SYSFS_ROOT),
                Path.of(QMI_NETWORK_STATE_DIR), Dhcp.defaultHook(env), Path.of(SYSTEM_ROOT));
    }

    Paths toPaths(Map<String, String> env) {
        return new Paths(stateDir, resolvHead, resolvConf, sysfsRoot, qmiNetworkStateDir,
                dhcpHook != null ? dhcpHook : Dhcp.defaultHook(env), systemRoot);
    }
}
