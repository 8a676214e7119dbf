package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The kernel side of the qmi_wwan driver under a sysfs root ({@code /sys} on a Pi; a directory in tests):
 * {@code class/net/IFACE/qmi/raw_ip} (Y = raw-ip, N = 802-3, since Linux 4.5) and
 * {@code class/usbmisc/cdc-wdmN/device/net/IFACE} (which interface belongs to the control device).
 */
public final class Sysfs {

    private final Path root;

    public Sysfs(Path root) {
        this.root = root;
    }

    public Path rawIpFile(String iface) {
        return root.resolve("class/net").resolve(iface).resolve("qmi/raw_ip");
    }

    /** Empty when the driver has no raw_ip attribute (kernel < 4.5, or not qmi_wwan). */
    public Optional<Boolean> rawIp(String iface) {
        Path f = rawIpFile(iface);
        try {
            return Files.exists(f) ? Optional.of(Files.readString(f).strip().startsWith("Y")) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes raw_ip in place (a sysfs attribute, not a file to replace). The caller takes the link down first:
     * qmi_wwan refuses the change on a running link with "Device or resource busy".
     */
    public void setRawIp(String iface, boolean on) {
        Path f = rawIpFile(iface);
        try {
            Files.writeString(f, on ? "Y\n" : "N\n");
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.FAILURE, "cannot write " + f + " (" + e.getMessage()
                    + "): the kernel keeps the wrong link layer and DHCP would get no lease");
        }
    }

    /** The network interface the kernel bound to a control device, e.g. cdc-wdm0 -> wwan0. */
    public Optional<String> ifaceOf(String deviceName) {
        Path dir = root.resolve("class/usbmisc").resolve(deviceName).resolve("device/net");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                return Optional.of(p.getFileName().toString());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean ifaceExists(String iface) {
        return Files.exists(root.resolve("class/net").resolve(iface));
    }

    /**
     * Refuses (BAD_INPUT) an interface that is not the control device's: addresses and routes of the interface
     * named are flushed on failure and by down, so a typo like {@code --iface eth0} would take the LAN away.
     * When sysfs names the device's interface, only that one is accepted; when it cannot say (no
     * {@code usbmisc/<dev>/device/net}: a test tree, an odd driver) the interface must exist and not be loopback.
     */
    public void requireIfaceOf(String deviceName, String device, String iface) {
        requireIfaceOf(deviceName, device, iface, true);
    }

    /** {@code mustExist} false for down: an unplugged modem's interface is gone, and nothing is left to flush. */
    public void requireIfaceOf(String deviceName, String device, String iface, boolean mustExist) {
        Optional<String> own = ifaceOf(deviceName);
        if (own.isPresent() && !own.get().equals(iface)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "network interface '" + iface + "' does not belong to "
                    + device + " (its interface is " + own.get() + "; leave --iface out or give that one)");
        }
        if (mustExist && !ifaceExists(iface)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "network interface '" + iface + "' does not exist");
        }
        if (isLoopback(iface)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "network interface '" + iface + "' is the loopback "
                    + "interface, not " + device + "'s");
        }
    }

    /** ARPHRD_LOOPBACK (772) in {@code class/net/IFACE/type}. */
    boolean isLoopback(String iface) {
        try {
            return "772".equals(Files.readString(root.resolve("class/net").resolve(iface).resolve("type")).strip());
        } catch (IOException e) {
            return "lo".equals(iface);
        }
    }
}
