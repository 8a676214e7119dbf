package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.doctor.Processes.Running;

/** What else on the system gets in the way: ModemManager on the port (DNS: {@link ResolverChecks}). */
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
}
