package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

/** Legacy Raspbian-like: ifupdown + dhcpcd (nodev) + openresolv reading /etc/resolv.conf.head. */
class LegacyRaspbianSystemIT extends ServiceScenarios {

    private static final String STANZA = "/etc/network/interfaces.d/wwan0";

    @Override
    String variant() {
        return "legacy";
    }

    /** openresolv writes /etc/resolv.conf from its records; qmi-conn's is wwan0.qmi-conn. */
    @Override
    List<List<String>> resolverConfig() {
        return List.of(List.of("cat", "/etc/resolv.conf"), List.of("resolvconf", "-l", "wwan0.qmi-conn"));
    }

    /**
     * FINDING (real on a Pi too): dhcpcd runs on every interface without a {@code denyinterfaces wwan0}, leases on
     * wwan0 as soon as it has carrier and replaces qmi-conn's routes with its own.
     */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.of("dhcpcd");
    }

    /**
     * The guide's way (USER-GUIDE.md 6.B): the stanza {@code generate interfaces} writes, brought up at boot by
     * ifupdown as on a Pi (udev's "add" event for wwan0 runs ifupdown-hotplug, which starts ifup@wwan0.service for
     * the stanza's allow-hotplug; {@link SystemContainer#standInForUdevNetAdd()}); the service is not enabled yet.
     * Then ifdown: the stanza's post-down releases every client id. The stanza is removed afterwards, so the
     * service scenarios that follow own wwan0 alone.
     */
    @Test
    @Order(15)
    void should_bring_wwan0_up_at_boot_through_ifupdown_and_release_every_id_on_ifdown() {
        ExecResult gen = box.run("qmi-conn", "generate", "interfaces", "--apn", APN, "--out", STANZA);
        assertEquals(0, gen.getExitCode(), gen.getStderr());
        box.run("cat", STANZA);
        box.standInForUdevNetAdd();
        box.reboot();
        boolean up = box.awaitAddress(ADDRESS, Duration.ofSeconds(90));
        box.run("systemctl", "status", "--no-pager", "-n", "15", "ifup@wwan0.service");
        assertTrue(up, "wwan0 has no " + ADDRESS + " 90 s after boot with the stanza");
        assertEquals(1, box.awaitModemState("sessions", 1), "the modem's data sessions after ifup at boot");
        assertEquals("wwan0=wwan0", box.run("ifquery", "--state", "wwan0").getStdout().strip(), "ifupdown's state");
        assertResolvesTestName("after ifup at boot");

        ExecResult down = box.run("ifdown", "wwan0");
        assertEquals(0, down.getExitCode(), down.getStderr());
        assertEquals(0, box.awaitModemState("client-ids", 0), "client ids left at the modem after ifdown");
        assertEquals(0, box.awaitModemState("sessions", 0), "data sessions left after ifdown");
        assertTrue(SystemContainer.await(Duration.ofSeconds(10), () -> !box.hasAddress(ADDRESS)),
                "wwan0 keeps its address after ifdown");
        box.run("rm", STANZA);
    }
}
