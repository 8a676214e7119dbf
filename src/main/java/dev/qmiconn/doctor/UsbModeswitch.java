package dev.qmiconn.doctor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.doctor.Hardware.UsbDevice;
import dev.qmiconn.process.CommandResult;

/**
 * Why a dongle is still a CD-ROM. The Raspberry Pi E397u-53 guide: without usb-modeswitch the dongle stays
 * 12d1:1505; usb-modeswitch 2.5.0 (Raspbian Jessie) switches it to 12d1:1506 out of the box, so older versions
 * or a missing package are the usual cause, and hand-written configs from other guides the next one.
 */
final class UsbModeswitch {

    static final String MINIMUM = "2.5.0";

    /** {@code usb_modeswitch --version} prints e.g. {@code  * Version 2.6.1 (C) Josua Dietze 2017}. */
    private static final Pattern VERSION = Pattern.compile("Version\\s+(\\d+(?:\\.\\d+)+)");

    private UsbModeswitch() {
    }

    /** The installed version: from dpkg's status file, else from the program itself; empty if not installed. */
    static Optional<String> installedVersion(Probe p) {
        Optional<String> fromDpkg = p.packages().version("usb-modeswitch").map(DebianPackages::upstream);
        if (fromDpkg.isPresent()) {
            return fromDpkg;
        }
        if (!p.hasProgram("usb_modeswitch")) {
            return Optional.empty();
        }
        CommandResult r = p.run("usb_modeswitch", "--version");
        Matcher m = VERSION.matcher(r.stdout() + "\n" + r.stderr());
        return Optional.of(m.find() ? m.group(1) : "unknown");
    }

    static Finding storageModeFinding(Probe p, UsbDevice d) {
        String what = d.known().get().name() + " is still a CD-ROM (" + d.usbId() + " at USB " + d.sysName() + ")";
        Optional<String> version = installedVersion(p);
        if (version.isEmpty()) {
            return Finding.fail("usb-modem", what + ": usb-modeswitch is not installed",
                    "sudo apt install usb-modeswitch usb-modeswitch-data   (then unplug and replug the modem)");
        }
        String v = version.get();
        if (!v.equals("unknown") && !Versions.atLeast(v, MINIMUM)) {
            return Finding.fail("usb-modem", what + ": usb-modeswitch " + v + " is older than " + MINIMUM
                    + ", the first to switch this dongle by itself",
                    "sudo apt install --only-upgrade usb-modeswitch usb-modeswitch-data   (then replug the modem)");
        }
        return Finding.fail("usb-modem", what + ": usb-modeswitch " + v + " is installed but did not switch it "
                + "(a custom config from an older guide can stop it)",
                "sudo usb_modeswitch -v " + d.vendorId() + " -p " + d.productId() + " -J");
    }
}
