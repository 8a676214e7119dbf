package dev.qmiconn.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.connect.Paths;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.OperatingMode;

/**
 * Stronger medicine after repeated failed reconnects. A low-power/online cycle clears the CallFailed that
 * some modems keep returning until the radio restarts (FIELD-NOTES). Re-enumerating the USB device (its sysfs
 * {@code authorized} attribute to 0, then 1) is the last resort and opt-in: the device node disappears for a
 * few seconds and any other program holding it loses it.
 */
public final class Escalation {

    private final CommandRunner runner;
    private final String device;
    private final boolean proxy;
    private final Path sysfsRoot;

    public Escalation(CommandRunner runner, String device, boolean proxy, Path sysfsRoot) {
        this.runner = runner;
        this.device = device;
        this.proxy = proxy;
        this.sysfsRoot = sysfsRoot;
    }

    /** Returns what was done, for the one-line log. */
    public String cycleRadio() {
        return cycleRadio(null);
    }

    /** As {@link #cycleRadio()}, on the service's kept DMS id when {@code kept} is not null (nothing to leak). */
    public String cycleRadio(QmiClient kept) {
        QmiClient qmi = kept != null ? kept : new QmiClient(runner, device, proxy, Duration.ofSeconds(15));
        try {
            qmi.setOperatingMode(OperatingMode.LOW_POWER);
            qmi.setOperatingMode(OperatingMode.ONLINE);
            return "radio cycled (low-power, then online)";
        } catch (QmiConnException e) {
            return "radio cycle failed: " + e.getMessage();
        }
    }

    /** {@code <sysfs>/class/usbmisc/<dev>/device} is the USB interface; its parent is the USB device. */
    public String reenumerateUsb(StopSignal stop) {
        Path iface = sysfsRoot.resolve("class/usbmisc").resolve(Paths.deviceName(device)).resolve("device");
        try {
            Path usbDevice = iface.toRealPath().getParent();
            Path authorized = usbDevice.resolve("authorized");
            if (!Files.isWritable(authorized)) {
                return "USB re-enumeration impossible: " + authorized + " is not writable";
            }
            Files.writeString(authorized, "0");
            stop.sleep(Duration.ofSeconds(2));
            Files.writeString(authorized, "1");
            return "USB device " + usbDevice.getFileName() + " re-enumerated";
        } catch (IOException e) {
            return "USB re-enumeration failed: " + e.getMessage();
        }
    }
}
