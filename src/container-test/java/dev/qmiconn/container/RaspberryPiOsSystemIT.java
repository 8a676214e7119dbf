package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Raspberry Pi OS bookworm-like: NetworkManager (writes /etc/resolv.conf itself) and ModemManager running. */
class RaspberryPiOsSystemIT extends ServiceScenarios {

    @Override
    String variant() {
        return "pios";
    }

    /**
     * ModemManager runs here and would probe the port: qmi-conn refuses without one of its three fixes, and the
     * one that keeps ModemManager running is sharing the port through qmi-proxy.
     */
    @Override
    List<String> modemOptions() {
        return List.of("--proxy");
    }

    @Override
    String watchOptionsAtBoot() {
        return "--proxy";
    }

    /**
     * NetworkManager writes /etc/resolv.conf itself; qmi-conn's backend hands it the servers as a global-DNS drop-in
     * in /run/NetworkManager/conf.d (NetworkManager's own lease on the veth announces the same servers, so the
     * drop-in is shown too).
     */
    @Override
    List<List<String>> resolverConfig() {
        return List.of(List.of("cat", "/etc/resolv.conf"),
                List.of("cat", "/run/NetworkManager/conf.d/90-qmi-conn-wwan0.conf"));
    }

    /**
     * FINDING: NetworkManager takes the veth wwan0 for Ethernet ("Wired connection 1") and leases on it. On a Pi a
     * qmi_wwan port is a wwan device that NetworkManager leaves to ModemManager, so this part is the veth's doing;
     * the product still says nothing to keep NetworkManager off wwan0 (no unmanaged-devices snippet).
     */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.of("NetworkManager");
    }

    /** ModemManager cannot take the pty (it needs a kernel device from udev), so: present, running, no modem. */
    @Test
    @Order(10)
    void should_run_next_to_modemmanager() {
        assertEquals("active", box.run("systemctl", "is-active", "ModemManager.service").getStdout().strip());
        assertEquals(0, box.run("mmcli", "-L").getExitCode());
    }
}
