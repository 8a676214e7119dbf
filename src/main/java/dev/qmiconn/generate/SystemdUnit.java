package dev.qmiconn.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a systemd service that brings the modem up when its control device appears and down when it goes.
 * One concrete unit, not a template {@code qmi-conn@.service}: the APN and credentials belong to the SIM in
 * this modem, so they are written into the unit, and the device unit name is escaped here once (a template's
 * instance would have to be typed escaped, {@code qmi-conn@cdc\x2dwdm0.service}, and would still need a
 * per-instance file for the APN).
 */
public final class SystemdUnit {

    private SystemdUnit() {
    }

    /**
     * Type=oneshot with RemainAfterExit: {@code qmi-conn up} exits once the link is up, and ExecStop runs
     * {@code down}. Restart=on-failure (allowed for oneshot since systemd 244; always/on-success are not)
     * retries a failed bring-up, and StartLimitIntervalSec=0 keeps retrying: a modem out of coverage at
     * boot comes up when coverage returns. BindsTo= stops the unit when the dongle is unplugged;
     * WantedBy= the device unit starts it on every plug-in, at boot or later (WantedBy=multi-user.target
     * would fail the boot job after the device timeout when the dongle is late).
     */
    public static String render(UpSettings s, String unitName, Optional<String> javaOptions) {
        javaOptions.ifPresent(SystemdUnit::checkJavaOptions);
        String device = SystemdSyntax.deviceUnit(s.device());
        String program = SystemdSyntax.execWord("--qmi-conn", s.program());
        List<String> lines = new ArrayList<>();
        lines.add(GeneratedFile.markerLine("systemd").stripTrailing());
        lines.add("# Install as /etc/systemd/system/" + unitName + ", then: systemctl daemon-reload; "
                + "systemctl enable " + unitName);
        lines.add("# " + device + " exists only when udev tags the device for systemd, which 99-systemd.rules");
        lines.add("# does not do for cdc-wdm (usbmisc) devices: install the rule of `qmi-conn generate udev` too.");
        lines.add("# Do not also bring this modem up from /etc/network/interfaces.d: use one or the other.");
        lines.add("[Unit]");
        lines.add("Description=LTE data connection on " + s.device() + " (qmi-conn)");
        lines.add("Documentation=man:qmi-conn(1)");
        lines.add("BindsTo=" + device);
        lines.add("After=" + device + " network-pre.target");
        lines.add("Wants=network.target");
        lines.add("Before=network.target");
        lines.add("StartLimitIntervalSec=0");
        lines.add("");
        lines.add("[Service]");
        lines.add("Type=oneshot");
        lines.add("RemainAfterExit=yes");
        lines.add("ExecStart=" + program + " " + SystemdSyntax.execWords(s.upArgs()));
        lines.add("ExecStop=" + program + " " + SystemdSyntax.execWords(s.downArgs()));
        lines.add("Restart=on-failure");
        lines.add("RestartSec=20s");
        lines.add("TimeoutStartSec=5min");
        lines.add("# The launcher runs the JVM with small-board flags (serial GC, -Xmx48m, C1 only);");
        lines.add("# QMI_CONN_JAVA_OPTS is appended to them.");
        javaOptions.ifPresent(o -> lines.add("Environment=\"QMI_CONN_JAVA_OPTS=" + o + "\""));
        lines.add("");
        lines.add("[Install]");
        lines.add("WantedBy=" + device);
        return String.join("\n", lines) + "\n";
    }

    /** JVM flags only: Environment= expands '%' specifiers and splits on quotes, so those are refused. */
    static void checkJavaOptions(String options) {
        if (!options.matches("[A-Za-z0-9_@+=:,./ -]+")) {
            throw new dev.qmiconn.error.QmiConnException(dev.qmiconn.error.ExitCode.BAD_INPUT, "invalid --java-opts '"
                    + dev.qmiconn.config.Validation.printable(options) + "': JVM flags such as -Xmx32m only");
        }
    }

    /** A unit file name systemd accepts; a one-line BAD_INPUT otherwise. */
    public static String checkedUnitName(String name) {
        if (!name.matches("[A-Za-z0-9:_.\\\\-]+\\.service") || name.length() > 255) {
            throw new dev.qmiconn.error.QmiConnException(dev.qmiconn.error.ExitCode.BAD_INPUT, "invalid --unit '" + name
                    + "': a service name such as qmi-conn.service");
        }
        return name;
    }
}
