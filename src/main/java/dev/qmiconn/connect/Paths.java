package dev.qmiconn.connect;

import java.nio.file.Path;

/**
 * Every file {@code up}, {@code down} and {@code status} touch, each from an option, so tests (and the sandbox)
 * never reach the machine's real /etc, /run or /sys.
 */
public record Paths(Path stateDir, Path resolvHead, Path resolvConf, Path sysfsRoot, Path qmiNetworkStateDir,
                    Path dhcpHook) {

    public Path stateFile(String deviceName) {
        return stateDir.resolve(deviceName + ".json");
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
