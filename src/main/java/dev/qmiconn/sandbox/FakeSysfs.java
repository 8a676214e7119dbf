package dev.qmiconn.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes, on the host, the fake {@code /sys/class} that makes the real qmicli (libqmi 1.32.2) see a USB QMI
 * modem. libqmi's transport detection takes {@code realpath(/sys/class/usbmisc/cdc-wdm0/device/driver)} and wants
 * its base name to be {@code qmi_wwan} (else "unexpected port subsystem" and "Cannot automatically select QMI/MBIM
 * mode"); it finds the net interface by listing {@code .../device/net/}. The driver link is relative and points
 * into the tree itself, because the host work directory may be hidden inside (e.g. under the sandbox's own /tmp).
 * {@code class/net} stays an empty directory here: the namespace's own sysfs is bound on it inside.
 */
final class FakeSysfs {

    static final String DEVICE = "cdc-wdm0";
    static final String IFACE = "wwan0";

    private FakeSysfs() {
    }

    static void write(SandboxLayout layout, boolean rawIp) {
        Path root = layout.sysClass();
        try {
            Files.createDirectories(root.resolve(".qmi-conn/drivers/qmi_wwan"));
            Path device = root.resolve("usbmisc").resolve(DEVICE).resolve("device");
            Files.createDirectories(device.resolve("net").resolve(IFACE));
            Path driver = device.resolve("driver");
            if (!Files.isSymbolicLink(driver)) {
                Files.createSymbolicLink(driver, Path.of("../../../.qmi-conn/drivers/qmi_wwan"));
            }
            Files.createDirectories(root.resolve("net"));
            // qmi_wwan's attribute: "Y" raw-ip, "N" 802.3 (the kernel default when the dongle is plugged in).
            Files.createDirectories(layout.rawIp().getParent());
            Files.writeString(layout.rawIp(), rawIp ? "Y\n" : "N\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fake sysfs under " + root, e);
        }
    }
}
