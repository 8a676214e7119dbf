package dev.qmiconn.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The one renderer of qmi-conn's systemd unit: the template {@code qmi-conn@.service} that runs {@code qmi-conn
 * watch} for the modem whose control device is /dev/INSTANCE. The .deb ships its default rendering
 * (src/deb/systemd/qmi-conn@.service; a test keeps the two byte-equal) and {@code qmi-conn generate systemd} prints
 * it, with another program path or JVM flags if asked. The modem's settings are not in the unit: they are in
 * /etc/qmi-conn/INSTANCE.conf, readable by root only, so a PIN or password is neither in a world-readable unit file
 * nor on watch's command line.
 */
public final class SystemdUnit {

    /** The unit's file name: a template, instantiated per control device ({@code qmi-conn@cdc-wdm0}). */
    public static final String NAME = "qmi-conn@.service";

    private SystemdUnit() {
    }

    /**
     * Type=notify: watch tells systemd it is ready (systemd-notify, a child: NotifyAccess=all). %i, not %I: %I
     * unescapes the '-' of "cdc-wdm0" into '/'. No BindsTo= on the device: a cdc-wdm node has a .device unit only
     * when a udev rule tags it (99-systemd.rules does not), and a template cannot name the escaped device unit
     * (dev-cdc\x2dwdm0.device) from a plain instance; watch waits for the device itself and rides out unplug and
     * replug. KillMode=mixed: SIGTERM reaches watch alone, which cancels its qmicli/udhcpc and takes the link down
     * (TimeoutStopSec above its 40 s teardown bound) and exits 0; SuccessExitStatus=143 covers a SIGTERM that
     * arrives while the JVM starts, before watch handles signals itself. RuntimeDirectoryPreserve keeps the
     * client-id record and the socket across restarts. The hardening list is in {@link #hardening()}.
     */
    public static String render(String program, Optional<String> javaOptions) {
        javaOptions.ifPresent(SystemdUnit::checkJavaOptions);
        String exec = SystemdSyntax.execWord("--qmi-conn", program);
        List<String> l = new ArrayList<>();
        l.add(GeneratedFile.markerLine("systemd").stripTrailing());
        l.add("# Keeps the QMI modem whose control device is /dev/INSTANCE online (qmi-conn watch), e.g.:");
        l.add("#   qmi-conn generate config --device /dev/cdc-wdm0 --apn fast.metropcs.com \\");
        l.add("#       --out /etc/qmi-conn/cdc-wdm0.conf");
        l.add("#   systemctl enable --now qmi-conn@cdc-wdm0");
        l.add("# Settings (APN, PIN, cap, ...): /etc/qmi-conn/INSTANCE.conf. Options without a key there:");
        l.add("# QMI_CONN_WATCH_OPTS in /etc/default/qmi-conn. Installed from a package as /lib/systemd/system/"
                + NAME + ",");
        l.add("# by hand as /etc/systemd/system/" + NAME + " (then: systemctl daemon-reload).");
        l.add("[Unit]");
        l.add("Description=LTE data connection on /dev/%i (qmi-conn)");
        l.add("Documentation=man:qmi-conn-watch(1) file:/usr/share/doc/qmi-conn/USER-GUIDE.md");
        l.add("Wants=network-pre.target");
        l.add("After=network-pre.target");
        l.add("Before=network-online.target");
        l.add("StartLimitIntervalSec=0");
        l.add("");
        l.add("[Service]");
        l.add("Type=notify");
        l.add("NotifyAccess=all");
        l.add("EnvironmentFile=-/etc/default/qmi-conn");
        javaOptions.ifPresent(o -> l.add("Environment=\"QMI_CONN_JAVA_OPTS=" + o + "\""));
        l.add("# $QMI_CONN_WATCH_OPTS unbraced: split into words, and no argument at all when empty.");
        l.add("ExecStart=" + exec + " watch --device /dev/%i $QMI_CONN_WATCH_OPTS");
        l.add("Restart=on-failure");
        l.add("RestartSec=10s");
        l.add("TimeoutStartSec=5min");
        l.add("TimeoutStopSec=60s");
        l.add("KillMode=mixed");
        l.add("# watch exits 0 after a stop it handled; 143 (SIGTERM) only if stopped before it could handle one.");
        l.add("SuccessExitStatus=143");
        l.add("StateDirectory=qmi-conn");
        l.add("RuntimeDirectory=qmi-conn");
        l.add("RuntimeDirectoryPreserve=yes");
        l.addAll(hardening());
        l.add("");
        l.add("[Install]");
        l.add("WantedBy=multi-user.target");
        return String.join("\n", l) + "\n";
    }

    /**
     * What the service may not do (systemd-analyze security: 3.0, "OK"), each line leaving what watch needs: the
     * control device (char-usb: cdc-wdm's major 180) read-write; CAP_NET_ADMIN for ip; CAP_NET_RAW, AF_PACKET and
     * CAP_NET_BIND_SERVICE (port 68) for udhcpc; CAP_CHOWN for the socket's qmi-conn group; /sys writable for
     * qmi/raw_ip and a USB re-enumeration (so no ProtectKernelTunables); /etc writable for resolv.conf(.head),
     * which is replaced by a rename in its directory; /run/resolvconf for resolvconf; /run/NetworkManager for the
     * global-DNS drop-in of --dns networkmanager (Raspberry Pi OS bookworm); node_exporter's textfile
     * directory (Debian's path) for PROMETHEUS_TEXTFILE; D-Bus (AF_UNIX) for resolvectl and nmcli. No
     * MemoryDenyWriteExecute (the JVM's JIT writes code) and no PrivateNetwork (it configures the host's network).
     */
    static List<String> hardening() {
        return List.of(
                "# Hardening: what the service needs and nothing more (systemd-analyze security qmi-conn@cdc-wdm0).",
                "CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW CAP_NET_BIND_SERVICE CAP_CHOWN",
                "NoNewPrivileges=yes",
                "ProtectSystem=strict",
                "ReadWritePaths=/etc -/run/resolvconf -/run/NetworkManager -/var/lib/prometheus/node-exporter",
                "ProtectHome=yes",
                "PrivateTmp=yes",
                "PrivateMounts=yes",
                "PrivateIPC=yes",
                "DevicePolicy=closed",
                "DeviceAllow=char-usb rw",
                "ProtectKernelModules=yes",
                "ProtectKernelLogs=yes",
                "ProtectControlGroups=yes",
                "ProtectClock=yes",
                "ProtectHostname=yes",
                "ProtectProc=invisible",
                "RestrictAddressFamilies=AF_UNIX AF_NETLINK AF_INET AF_INET6 AF_PACKET",
                "RestrictNamespaces=yes",
                "RestrictRealtime=yes",
                "RestrictSUIDSGID=yes",
                "LockPersonality=yes",
                "SystemCallArchitectures=native",
                "SystemCallFilter=@system-service",
                "SystemCallErrorNumber=EPERM",
                "KeyringMode=private",
                "RemoveIPC=yes",
                "UMask=0022");
    }

    /** JVM flags only: Environment= expands '%' specifiers and splits on quotes, so those are refused. */
    static void checkJavaOptions(String options) {
        if (!options.matches("[A-Za-z0-9_@+=:,./ -]+")) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid --java-opts '" + Validation.printable(options)
                    + "': JVM flags such as -Xmx32m only");
        }
    }

    /** A unit file name systemd accepts; a one-line BAD_INPUT otherwise. */
    public static String checkedUnitName(String name) {
        if (!name.matches("[A-Za-z0-9:_.\\\\@-]+\\.service") || name.length() > 255) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid unit name '" + Validation.printable(name)
                    + "': a service name such as qmi-conn@cdc-wdm0.service");
        }
        return name;
    }
}
