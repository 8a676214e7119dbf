package dev.qmiconn.generate;


import java.util.Optional;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Renders a udev rule giving the modem's QMI control port and AT port stable names (the FreedomPOP guide's
 * wish for "a unique port": ttyUSB numbers shift with other serial adapters) and tagging the control port for
 * systemd, and keeping ModemManager and NetworkManager off the dongle unless it is shared with ModemManager
 * through qmi-proxy. Defaults are the Huawei E397u-53 after usb-modeswitch: 12d1:1506 (12d1:1505 is its mass-storage
 * mode), ports ttyUSB0-3 with the AT "2-way" port first (USB interface 00).
 */
public final class UdevRule {

    /** What varies per modem; every field is checked before it reaches the rule text. */
    public record Ports(String vendor, String product, String atInterface, String controlName, String atName,
                        Optional<String> systemdWants, boolean shareWithModemManager) {

        public Ports {
            hex("--vendor", vendor, 4);
            hex("--product", product, 4);
            hex("--at-interface", atInterface, 2);
            name("--control-name", controlName);
            name("--at-name", atName);
            systemdWants.ifPresent(SystemdUnit::checkedUnitName);
        }
    }

    private UdevRule() {
    }

    /**
     * ATTRS{} keys must all match on one parent device, and the interface number lives on the USB interface
     * while idVendor/idProduct live on the USB device: so the interface is matched through
     * ENV{ID_USB_INTERFACE_NUM}, which the usb_id builtin sets (60-serial.rules imports it for ttys only, and
     * our rule may sort before it, hence the explicit IMPORT).
     */
    public static String render(Ports p) {
        String wants = p.systemdWants().map(u -> ", ENV{SYSTEMD_WANTS}+=\"" + u + "\"").orElse("");
        return GeneratedFile.markerLine("udev")
                + "# Stable names for the modem " + p.vendor() + ":" + p.product() + ": /dev/" + p.controlName()
                + " (QMI control port) and /dev/" + p.atName() + " (AT port, USB interface " + p.atInterface()
                + ").\n"
                + "# Install as /etc/udev/rules.d/70-qmi-conn.rules, then: udevadm control --reload; "
                + "udevadm trigger\n"
                + "ACTION==\"remove\", GOTO=\"qmi_conn_end\"\n"
                + "SUBSYSTEMS==\"usb\", ATTRS{idVendor}==\"" + p.vendor() + "\", ATTRS{idProduct}==\""
                + p.product() + "\", GOTO=\"qmi_conn_modem\"\n"
                + "GOTO=\"qmi_conn_end\"\n"
                + "LABEL=\"qmi_conn_modem\"\n"
                + "ENV{ID_USB_INTERFACE_NUM}!=\"?*\", IMPORT{builtin}=\"usb_id\"\n"
                + "# TAG+=\"systemd\" makes systemd see the port as a .device unit (e.g. dev-cdc\\x2dwdm0.device),\n"
                + "# which the unit of `qmi-conn generate systemd` binds to.\n"
                + "SUBSYSTEM==\"usbmisc\", KERNEL==\"cdc-wdm[0-9]*\", SYMLINK+=\"" + p.controlName()
                + "\", TAG+=\"systemd\"" + wants + "\n"
                + "SUBSYSTEM==\"tty\", ENV{ID_USB_INTERFACE_NUM}==\"" + p.atInterface() + "\", SYMLINK+=\""
                + p.atName() + "\"\n"
                + (p.shareWithModemManager() ? SHARE : KEEP_OFF)
                + "LABEL=\"qmi_conn_end\"\n";
    }

    /**
     * ModemManager and NetworkManager read these from udev's database. ID_MM_DEVICE_IGNORE on every device of the
     * dongle: ModemManager up to 1.8 and current releases (MM_FILTER_RULE_EXPLICIT_BLOCKLIST in mm-filter.c) then
     * skip all its ports, but the port filter of 1.10 honoured it on tty ports only and opened cdc-wdm anyway;
     * ID_MM_PORT_IGNORE (1.6+) on each port closes that gap. NM_UNMANAGED keeps NetworkManager from flushing or
     * "externally" taking over the addresses qmi-conn puts on the modem's interface (qmi-conn's networkmanager DNS
     * backend needs no device of its own: it uses NetworkManager's global DNS).
     */
    static final String KEEP_OFF = "# Keep ModemManager off the dongle (qmi-conn drives it) and NetworkManager off its "
            + "interface.\n"
            + "ENV{ID_MM_DEVICE_IGNORE}=\"1\"\n"
            + "SUBSYSTEM==\"usbmisc\", ENV{ID_MM_PORT_IGNORE}=\"1\"\n"
            + "SUBSYSTEM==\"tty\", ENV{ID_MM_PORT_IGNORE}=\"1\"\n"
            + "SUBSYSTEM==\"net\", ENV{NM_UNMANAGED}=\"1\"\n";

    static final String SHARE = "# --modem-manager share: ModemManager keeps the dongle; run qmi-conn with --proxy "
            + "(qmi-proxy shares the port).\n";

    private static void hex(String option, String value, int digits) {
        if (value == null || !value.matches("[0-9a-f]{" + digits + "}")) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid " + option + " '" + value + "': " + digits
                    + " lower-case hex digits, as lsusb prints them");
        }
    }

    private static void name(String option, String value) {
        if (value == null || !value.matches("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}")) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid " + option + " '" + value
                    + "': letters, digits, '_' and '-' (a name under /dev)");
        }
    }
}
