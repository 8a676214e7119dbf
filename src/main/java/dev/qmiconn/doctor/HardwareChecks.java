package dev.qmiconn.doctor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.qmiconn.doctor.Hardware.ControlDevice;
import dev.qmiconn.doctor.Hardware.UsbDevice;

/** The USB modem, its control device and driver, the wwan interface and the kernel's raw-ip support. */
final class HardwareChecks {

    private HardwareChecks() {
    }

    static Finding usbModem(Probe p) {
        List<UsbDevice> modems = p.hardware().knownModems();
        Optional<UsbDevice> storage = modems.stream()
                .filter(d -> d.known().get().mode() == KnownModem.Mode.MASS_STORAGE).findFirst();
        if (storage.isPresent()) {
            return UsbModeswitch.storageModeFinding(p, storage.get());
        }
        if (!modems.isEmpty()) {
            UsbDevice d = modems.get(0);
            String others = modems.size() > 1 ? " (and " + (modems.size() - 1) + " more)" : "";
            return Finding.ok("usb-modem", d.known().get().name() + " (" + d.usbId() + " at USB " + d.sysName()
                    + ")" + others);
        }
        if (!p.hardware().controlDevices().isEmpty()) {
            ControlDevice c = p.hardware().controlDevices().get(0);
            return Finding.ok("usb-modem", "no modem id from doctor's table in /sys/bus/usb/devices, but "
                    + c.devPath() + " is there" + (c.driver().isEmpty() ? "" : " (" + c.driver() + ")"));
        }
        return Finding.fail("usb-modem", "no USB modem found in /sys/bus/usb/devices",
                "plug the modem in (on a Pi, into a powered hub if it resets), then run: lsusb");
    }

    static Finding controlDevice(Probe p) {
        Optional<ControlDevice> selected = p.selectedDevice();
        if (selected.isEmpty()) {
            String why = p.options().device().map(d -> d + " is not a control device on this system")
                    .orElse("no /dev/cdc-wdm* control device");
            return Finding.fail("control-device", why, fixForNoControlDevice(p));
        }
        ControlDevice c = selected.get();
        String where = c.usbDevice().map(u -> ", USB " + u).orElse("");
        String others = otherDevices(p, c);
        return switch (c.driver()) {
            case "qmi_wwan" -> c.devNode()
                    ? Finding.ok("control-device", c.devPath() + " on qmi_wwan" + where + others)
                    : Finding.fail("control-device", "sysfs has " + c.name() + " on qmi_wwan but " + c.devPath()
                            + " is missing", "sudo udevadm trigger --subsystem-match=usbmisc --action=add");
            case "cdc_mbim" -> Finding.fail("control-device", c.devPath() + " is driven by cdc_mbim (MBIM)" + where
                    + ": qmicli and qmi-network need a QMI port" + others, fixForMbim(p, c));
            case "" -> Finding.warn("control-device", c.devPath() + " exists but sysfs names no driver for it: "
                    + "qmicli's automatic mode fails ('Cannot automatically select QMI/MBIM mode')" + others,
                    "qmicli -d " + c.devPath() + " --device-open-qmi --dms-get-ids");
            default -> Finding.warn("control-device", c.devPath() + " is driven by " + c.driver() + where
                    + ", not qmi_wwan" + others, "sudo modprobe qmi_wwan");
        };
    }

    private static String otherDevices(Probe p, ControlDevice selected) {
        String others = p.hardware().controlDevices().stream().filter(d -> !d.equals(selected))
                .map(d -> d.name() + (d.driver().isEmpty() ? "" : " on " + d.driver()))
                .collect(Collectors.joining(", "));
        return others.isEmpty() ? "" : "; also " + others;
    }

    private static String fixForNoControlDevice(Probe p) {
        boolean storage = p.hardware().knownModems().stream()
                .anyMatch(d -> d.known().get().mode() == KnownModem.Mode.MASS_STORAGE);
        if (storage) {
            return "switch the dongle to modem mode first (see usb-modem)";
        }
        if (p.hardware().knownModems().isEmpty()) {
            return "plug the modem in, then run: ls /dev/cdc-wdm*";
        }
        return "sudo modprobe qmi_wwan";
    }

    private static String fixForMbim(Probe p, ControlDevice c) {
        boolean sierra = c.usbDevice().flatMap(u -> p.sys().read("/sys/bus/usb/devices/" + u + "/idVendor"))
                .map("1199"::equals).orElse(false);
        if (sierra) {
            // Sierra EM/MC74xx ship MBIM-first compositions on many laptops; 10D = DM, NMEA, AT, QMI.
            return "on the modem's AT port: AT!ENTERCND=\"A710\" then AT!USBCOMP=1,1,10D, then replug "
                    + "(switches to the QMI composition)";
        }
        return "switch the modem to its QMI USB composition (vendor AT command), or use mbimcli instead";
    }

    static Optional<Finding> wwanInterface(Probe p) {
        Optional<ControlDevice> selected = p.selectedDevice();
        if (selected.isEmpty() || selected.get().driver().isEmpty()) {
            return Optional.empty();
        }
        ControlDevice c = selected.get();
        if (c.netInterface().isEmpty()) {
            return Optional.of(Finding.fail("wwan-interface", c.driver() + " bound " + c.name()
                    + " but created no network interface", "unplug and replug the modem, then run: ip link"));
        }
        String iface = c.netInterface().get();
        if (iface.equals("wwan0")) {
            return Optional.of(Finding.ok("wwan-interface", "wwan0 belongs to " + c.devPath()));
        }
        String renamed = c.devPath() + "'s interface is " + iface + ", not wwan0 (renamed by udev)";
        Optional<String> stanza = InterfacesFile.filesMentioning(p, "wwan0");
        if (stanza.isEmpty()) {
            return Optional.of(Finding.ok("wwan-interface", renamed + "; qmi-conn up finds it (--iface auto)"));
        }
        return Optional.of(Finding.warn("wwan-interface", renamed + ", but " + stanza.get() + " is written for wwan0",
                "sudo sed -i 's/\\bwwan0\\b/" + iface + "/g' " + stanza.get()));
    }

    static Optional<Finding> rawIp(Probe p) {
        Optional<ControlDevice> selected = p.selectedDevice();
        if (selected.isEmpty() || !selected.get().driver().equals("qmi_wwan")
                || selected.get().netInterface().isEmpty()) {
            return Optional.empty();
        }
        String iface = selected.get().netInterface().get();
        Optional<String> rawIp = p.sys().read("/sys/class/net/" + iface + "/qmi/raw_ip");
        if (rawIp.isPresent()) {
            String mode = "Y".equals(rawIp.get()) ? "raw-ip (raw_ip=Y)" : "802.3 (raw_ip=N)";
            return Optional.of(Finding.ok("raw-ip", "the kernel's qmi_wwan supports raw-ip; " + iface
                    + " is in " + mode + " mode"));
        }
        // raw_ip appeared in Linux 4.5; without it only modems that still do 802.3 framing (the E397u-53) work.
        return Optional.of(Finding.warn("raw-ip", "/sys/class/net/" + iface + "/qmi/raw_ip is missing: this "
                + "kernel's qmi_wwan predates raw-ip (Linux 4.5), so raw-ip-only modems get no lease",
                "sudo apt full-upgrade   (a kernel >= 4.5), or use a modem that does 802-3"));
    }
}
