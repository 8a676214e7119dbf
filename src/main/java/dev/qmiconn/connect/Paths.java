package dev.qmiconn.connect;

import java.nio.file.Path;

import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsMode;

/**
 * Every file {@code up}, {@code down} and {@code status} touch, each from an option, so tests (and the sandbox)
 * never reach the machine's real /etc, /run or /sys. {@code systemRoot} is where the DNS backend reads what the
 * system runs and writes NetworkManager's drop-in ({@code --system-root}, default /).
 */
public record Paths(Path stateDir, Path resolvHead, Path resolvConf, Path sysfsRoot, Path qmiNetworkStateDir,
                    Path dhcpHook, Path systemRoot) {

    public Paths {
        systemRoot = systemRoot == null ? Path.of("/") : systemRoot;
    }

    public Paths(Path stateDir, Path resolvHead, Path resolvConf, Path sysfsRoot, Path qmiNetworkStateDir,
                 Path dhcpHook) {
        this(stateDir, resolvHead, resolvConf, sysfsRoot, qmiNetworkStateDir, dhcpHook, null);
    }

    /** The DNS backend's view of these paths for a {@code --dns} choice. */
    public Dns.Setup dns(DnsMode mode) {
        return new Dns.Setup(mode, systemRoot, resolvHead, resolvConf);
    }

    public Path stateFile(String deviceName) {
        return stateDir.resolve(deviceName + ".json");
    }

    /** Where the service records the query client ids it keeps for its lifetime (docs/SERVICE-API.md). */
    public Path serviceIdsFile(String deviceName) {
        return stateDir.resolve(deviceName + ".service.json");
    }

    /** The profile qmi-conn writes for qmi-network: validated values only, see {@link QmiNetworkBackend}. */
    public Path qmiNetworkProfile(String deviceName) {
        return stateDir.resolve(deviceName + ".qmi-network.conf");
    }

    /** qmi-network's own state, {@code /tmp/qmi-network-state-<basename DEV>} (CID="N" and PDH="N"). */
    public Path qmiNetworkState(String deviceName) {
        return qmiNetworkStateDir.resolve("qmi-network-state-" + deviceName);
    }

    public static String deviceName(String device) {
        return device.substring(device.lastIndexOf('/') + 1);
    }
}
