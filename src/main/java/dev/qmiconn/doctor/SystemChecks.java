package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.doctor.Processes.Running;

/** What else on the system gets in the way: ModemManager on the port, and who (if anyone) reads resolv.conf.head. */
final class SystemChecks {

    static final String STOP_MM = "sudo systemctl disable --now ModemManager   (or keep it and share the port "
            + "through qmi-proxy: qmi-conn up --proxy, qmicli -p, PROXY=yes in /etc/qmi-network.conf)";

    private SystemChecks() {
    }

    /**
     * ModemManager opens every QMI port it sees; a second client on the same /dev/cdc-wdm0 without qmi-proxy gets
     * "Transaction timed out" or "endpoint hangup". Both can coexist when every client goes through qmi-proxy
     * ({@code qmicli -p}); ModemManager itself uses the proxy.
     */
    static Finding modemManager(Probe p) {
        String id = "modemmanager";
        List<Running> mm = Processes.named(p.sys(), "ModemManager");
        if (!mm.isEmpty()) {
            int pid = mm.get(0).pid();
            List<String> held = new ArrayList<>(Processes.openDevices(p.sys(), pid, "/dev/cdc-wdm"));
            held.addAll(Processes.openDevices(p.sys(), pid, "/dev/ttyUSB"));
            String holding = held.isEmpty() ? " and will grab the modem's ports"
                    : " and holds " + String.join(", ", held);
            boolean proxy = !Processes.named(p.sys(), "qmi-proxy").isEmpty();
            return Finding.warn(id, "ModemManager (pid " + pid + ") is running" + holding
                    + ": qmicli calls without -p race it ('Transaction timed out')"
                    + (proxy ? "; qmi-proxy is running, so -p works" : ""), STOP_MM);
        }
        if (enabled(p)) {
            return Finding.warn(id, "ModemManager is not running but is enabled: it will take the modem at boot",
                    STOP_MM);
        }
        return Finding.ok(id, "ModemManager is not running");
    }

    private static boolean enabled(Probe p) {
        return p.sys().exists("/etc/systemd/system/multi-user.target.wants/ModemManager.service")
                || p.sys().exists("/etc/systemd/system/dbus-org.freedesktop.ModemManager1.service");
    }

    static final String HEAD = "/etc/resolv.conf.head";
    static final List<String> DHCPCD_HOOKS = List.of("/lib/dhcpcd/dhcpcd-hooks/20-resolv.conf",
            "/usr/lib/dhcpcd/dhcpcd-hooks/20-resolv.conf");

    /**
     * The Metro PCS guide puts DNS into /etc/resolv.conf.head. Only dhcpcd's 20-resolv.conf hook reads that file
     * (Raspbian runs dhcpcd); resolvconf reads /etc/resolvconf/resolv.conf.d/head instead, and
     * systemd-resolved ignores both.
     */
    static Finding resolvConfHead(Probe p) {
        String id = "resolv-conf-head";
        String has = p.sys().exists(HEAD) ? HEAD + " exists" : "no " + HEAD;
        Optional<String> resolvTarget = p.sys().isSymlink("/etc/resolv.conf")
                ? p.sys().linkTarget("/etc/resolv.conf") : Optional.empty();
        if (resolvTarget.map(t -> t.contains("systemd/resolve")).orElse(false)) {
            return Finding.warn(id, has + ", but systemd-resolved owns /etc/resolv.conf and ignores it",
                    "sudo resolvectl dns " + p.netInterface().orElse("wwan0") + " 1.1.1.1 1.0.0.1");
        }
        boolean hook = DHCPCD_HOOKS.stream().anyMatch(p.sys()::exists);
        boolean dhcpcdRunning = !Processes.named(p.sys(), "dhcpcd").isEmpty();
        if (hook && p.hasProgram("resolvconf")) {
            return Finding.warn(id, has + ", but dhcpcd hands DNS to resolvconf, which reads "
                    + "/etc/resolvconf/resolv.conf.d/head instead",
                    "sudo cp " + HEAD + " /etc/resolvconf/resolv.conf.d/head && sudo resolvconf -u");
        }
        if (hook && dhcpcdRunning) {
            return Finding.ok(id, has + "; dhcpcd (running) prepends it to /etc/resolv.conf");
        }
        if (hook) {
            return Finding.warn(id, has + "; dhcpcd's hook would read it, but dhcpcd is not running",
                    "sudo systemctl enable --now dhcpcd");
        }
        if (p.hasProgram("resolvconf")) {
            return Finding.warn(id, has + ", but resolvconf reads /etc/resolvconf/resolv.conf.d/head instead",
                    "sudo cp " + HEAD + " /etc/resolvconf/resolv.conf.d/head && sudo resolvconf -u");
        }
        return Finding.warn(id, has + " and nothing here reads it (only dhcpcd's 20-resolv.conf hook does)",
                "put the nameservers in /etc/resolv.conf itself");
    }
}
