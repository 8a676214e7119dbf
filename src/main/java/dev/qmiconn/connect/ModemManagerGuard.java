package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.RunningPrograms;

/**
 * Before {@code up} (and each reconnect of {@code watch}) talks to the modem: a running ModemManager that holds
 * the QMI port, or will probe it, makes every qmicli call race it ("Transaction timed out", "endpoint hangup",
 * client ids taken from under us). That fails fast with the three fixes instead of timing out later. Through
 * qmi-proxy ({@code --proxy}) both share the port, so nothing is checked then.
 * <p>
 * "Will probe": udev's database for the port ({@code /run/udev/data/c<major>:<minor>}) carries neither
 * ID_MM_DEVICE_IGNORE nor ID_MM_PORT_IGNORE, the tags {@code qmi-conn generate udev} sets. ModemManager 1.6+
 * skips a port tagged ID_MM_PORT_IGNORE; ID_MM_DEVICE_IGNORE on the device kept every port away up to 1.8, the
 * 1.10 port filter (mm-filter.c) applied it to tty ports only (cdc-wdm "always allowed"), and later releases
 * check it first for every port again (MM_FILTER_RULE_EXPLICIT_BLOCKLIST): the rule sets both.
 */
final class ModemManagerGuard {

    static final String FIXES = "either share the port through qmi-proxy: qmi-conn up --proxy; or keep ModemManager "
            + "off this modem: qmi-conn generate udev > /etc/udev/rules.d/70-qmi-conn.rules, then replug it; or "
            + "stop it: sudo systemctl disable --now ModemManager";

    private ModemManagerGuard() {
    }

    static void check(Paths paths, String device, boolean proxy) {
        conflict(paths.systemRoot(), paths.sysfsRoot(), device, proxy).ifPresent(why -> {
            throw new QmiConnException(ExitCode.PORT_IN_USE, why + ": two programs on one QMI port time out "
                    + "('Transaction timed out'); " + FIXES);
        });
    }

    /** Why ModemManager is in the way of {@code device}, if it is. */
    static Optional<String> conflict(Path root, Path sysfsRoot, String device, boolean proxy) {
        if (proxy) {
            return Optional.empty();
        }
        List<Integer> mm = RunningPrograms.named(root, "ModemManager");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        int pid = mm.get(0);
        if (RunningPrograms.openFiles(root, pid, device).contains(device)) {
            return Optional.of("ModemManager (pid " + pid + ") holds " + device);
        }
        if (ignoredByUdev(root, sysfsRoot, Paths.deviceName(device))) {
            return Optional.empty();
        }
        return Optional.of("ModemManager (pid " + pid + ") runs and will probe " + device
                + " (udev does not tag it ID_MM_DEVICE_IGNORE)");
    }

    /** {@code E:ID_MM_DEVICE_IGNORE=1} or {@code E:ID_MM_PORT_IGNORE=1} in udev's record of the port. */
    static boolean ignoredByUdev(Path root, Path sysfsRoot, String name) {
        try {
            String dev = Files.readString(sysfsRoot.resolve("class/usbmisc/" + name + "/dev")).strip();
            String db = Files.readString(root.resolve("run/udev/data/c" + dev));
            return db.lines().anyMatch(l -> l.equals("E:ID_MM_DEVICE_IGNORE=1") || l.equals("E:ID_MM_PORT_IGNORE=1"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
