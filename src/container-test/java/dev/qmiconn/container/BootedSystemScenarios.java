package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The scenarios every booted system runs (one subclass per image of src/container/system): the system boots
 * clean, the .deb is installed, the emulated modem is plugged into the system itself, and qmi-conn brings wwan0
 * up and down next to the system's own network services. Which of those services also grabs wwan0 is stated by
 * each subclass: a rival there is a FINDING this tier reports (and fails on if it changes), never hides.
 */
@Tag("container")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BootedSystemScenarios {

    static final String APN = "fast.metropcs.com";
    static final String ADDRESS = "100.66.12.65"; // the e397u-53 scenario's session address
    static final String UNIT = "qmi-conn@cdc-wdm0.service";
    static final String CONFIG = "/etc/qmi-conn/cdc-wdm0.conf";
    static final String TEST_NAME = "carrier-only.qmi-conn.test"; // the one name the modem's DNS answers
    static final String TEST_NAME_ADDRESS = "192.0.2.99";
    private static final List<String> RIVALS = List.of("NetworkManager", "dhcpcd", "systemd-networkd");

    SystemContainer box;
    private long startedAt;
    private String bootState;
    private String failedAtBoot;

    /** Options every qmi-conn command here needs (e.g. --proxy next to ModemManager). */
    List<String> modemOptions() {
        return List.of();
    }

    /** {@code qmi-conn ARGS} plus {@link #modemOptions()}. */
    ExecResult qmiConn(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("qmi-conn"));
        argv.addAll(List.of(args));
        argv.addAll(modemOptions());
        return box.run(argv.toArray(String[]::new));
    }

    /** The image variant (a directory of src/container/system). */
    abstract String variant();

    /** The system service that also runs DHCP on wwan0 once it has carrier, if any (a finding when present). */
    abstract Optional<String> rivalOnWwan0();

    @BeforeAll
    void bootAndPlugIn() {
        ContainerTier.requireEngine();
        startedAt = System.nanoTime();
        box = new SystemContainer(variant());
        box.boot();
        bootState = box.awaitBooted();
        failedAtBoot = box.run("systemctl", "--failed", "--no-legend", "--plain").getStdout().strip();
        box.plugInModem("e397u-53");
    }

    @AfterAll
    void remove() {
        if (box != null) {
            box.stop(); // Ryuk is off on these machines: every container started here is removed here
            System.out.printf("[%s] the system's scenarios took %d s (one container, boot to removal)%n", variant(),
                    (System.nanoTime() - startedAt) / 1_000_000_000L);
        }
    }

    @Test
    @Order(1)
    void should_boot_with_no_failed_units() {
        assertEquals("", failedAtBoot, "failed units at boot");
        assertEquals("running", bootState);
    }

    @Test
    @Order(2)
    void should_have_the_package_installed_by_apt() {
        ExecResult status = box.run("dpkg-query", "-W", "-f", "${Status} ${Version}", "qmi-conn");
        assertTrue(status.getStdout().startsWith("install ok installed "), status.getStdout());
        ExecResult version = box.run("qmi-conn", "--version");
        assertEquals(0, version.getExitCode(), version.getStderr());
        assertTrue(version.getStdout().startsWith("qmi-conn "), version.getStdout());
    }

    @Test
    @Order(3)
    void should_see_the_plugged_in_modem_as_the_real_qmicli_does() {
        ExecResult ids = box.run("qmicli", "-d", "/dev/cdc-wdm0", "--dms-get-ids");
        assertEquals(0, ids.getExitCode(), ids.getStderr());
        assertTrue(ids.getStdout().contains("IMEI: '866948010012345'"), ids.getStdout());
        ExecResult link = box.run("ip", "-o", "link", "show", "wwan0");
        assertEquals(0, link.getExitCode(), "no wwan0 in the system's own namespace");
    }

    @Test
    @Order(4)
    void should_bring_wwan0_up_report_status_and_leave_no_client_ids_after_down() {
        ExecResult up = qmiConn("up", "--apn", APN);
        assertEquals(0, up.getExitCode(), up.getStderr());
        ExecResult addr = box.run("ip", "-4", "-o", "addr", "show", "dev", "wwan0");
        assertTrue(addr.getStdout().contains("inet " + ADDRESS + "/"), addr.getStdout());
        assertEquals(1, box.awaitModemState("sessions", 1), "the modem's data sessions after up");

        ExecResult status = qmiConn("status");
        assertEquals(0, status.getExitCode(), status.getStderr());
        assertTrue(status.getStdout().contains("connected"), status.getStdout());

        ExecResult down = qmiConn("down");
        assertEquals(0, down.getExitCode(), down.getStderr());
        assertEquals(0, box.awaitModemState("client-ids", 0), "client ids left at the modem after down");
        assertEquals(0, box.awaitModemState("sessions", 0), "data sessions left at the modem after down");
        assertEquals("", box.run("systemctl", "--failed", "--no-legend", "--plain").getStdout().strip());
    }

    /**
     * While qmi-conn holds the session, does a system service lease on wwan0 too (its journal says so)? Watched
     * for 8 s after {@code up}: NetworkManager and dhcpcd lease within 2-5 s of carrier here. Routes alone do not
     * tell: NetworkManager re-leasing the same address after a flush adds none.
     */
    @Test
    @Order(5)
    void should_show_which_system_service_also_configures_wwan0() {
        String since = "@" + box.quiet("date", "+%s").getStdout().strip();
        assertEquals(0, qmiConn("up", "--apn", APN).getExitCode());
        Optional<String> rival = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (rival.isEmpty() && System.nanoTime() < deadline) {
            rival = whoLeasedWwan0(since);
            SystemContainer.pause(250);
        }
        box.run("ip", "-4", "addr", "show", "dev", "wwan0");
        box.run("ip", "-4", "route", "show", "dev", "wwan0");
        assertEquals(0, qmiConn("down").getExitCode());
        assertEquals(0, box.awaitModemState("client-ids", 0), "client ids left at the modem after down");
        rival.ifPresent(r -> System.out.printf("[%s] FINDING: %s runs its own DHCP on wwan0 while qmi-conn holds"
                + " the session (two owners of one link)%n", variant(), r));
        if (rivalOnWwan0().isEmpty()) {
            assertEquals(Optional.empty(), rival, "a system service now configures wwan0 too");
        } else if (rival.isEmpty()) { // a busy machine may take longer than the 8 s watched: say so, do not guess
            System.out.printf("[%s] %s did not lease on wwan0 within 8 s this time%n", variant(),
                    rivalOnWwan0().get());
        } else {
            assertEquals(rivalOnWwan0(), rival, "who else configures wwan0 changed: update the finding");
        }
    }

    private Optional<String> whoLeasedWwan0(String since) {
        for (String unit : RIVALS) {
            String log = box.quiet("journalctl", "-u", unit, "--since", since, "-o", "cat", "--no-pager").getStdout();
            if (log.lines().anyMatch(l -> l.contains("wwan0") && l.toLowerCase().contains("lease"))) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    @Test
    @Order(6)
    void should_report_the_units_security_exposure() {
        assertEquals(0, box.quiet("systemctl", "cat", UNIT).getExitCode(), "no " + UNIT + " from the package");
        ExecResult r = box.run("systemd-analyze", "security", "--no-pager", UNIT);
        Optional<String> level = r.getStdout().lines().filter(l -> l.contains("Overall exposure level")).findFirst();
        assertTrue(level.isPresent(), r.getStdout() + r.getStderr());
        System.out.printf("[%s] systemd-analyze security: %s%n", variant(), level.get().replaceFirst("^.*?: ", ""));
    }
}
