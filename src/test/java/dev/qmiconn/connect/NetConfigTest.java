package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/**
 * The session's addresses as one {@code ip -batch} per family, and what {@code ip} says when another DHCP client
 * on the link got there first (seen on the Pi OS-like booted system). The stderr samples are iproute2 6.1's.
 */
class NetConfigTest {

    private static final IpSettings LEASE = new IpSettings("100.66.12.65", 30, "100.66.12.66", List.of(), 1500,
            "dhcp");
    private static final String V4_SCRIPT = "addr flush dev wwan0\naddr add 100.66.12.65/30 dev wwan0\n"
            + "link set dev wwan0 mtu 1500\nroute replace default via 100.66.12.66 dev wwan0 onlink\n";

    private static List<Transcript> v4Batch(int exit, String stderr) {
        return List.of(Transcript.of(List.of("ip", "-4", "-force", "-batch", "-"), exit, "", stderr)
                .withStdin(V4_SCRIPT));
    }

    @Test
    void should_set_address_mtu_and_route_in_one_ip_run() {
        try (ReplayingRunner r = new ReplayingRunner(v4Batch(0, ""))) {
            new NetConfig(r).applyV4("wwan0", LEASE);
            assertEquals(1, r.callsMade().size());
        }
    }

    @Test
    void should_take_the_address_another_client_just_put_there_as_applied() {
        try (ReplayingRunner r = new ReplayingRunner(v4Batch(1,
                "Error: ipv4: Address already assigned.\nCommand failed -:2\n"))) {
            new NetConfig(r).applyV4("wwan0", LEASE);
        }
    }

    @Test
    void should_still_fail_on_any_other_refusal_naming_the_line() {
        try (ReplayingRunner r = new ReplayingRunner(v4Batch(1,
                "Error: ipv4: Address already assigned.\nCommand failed -:2\n"
                        + "Error: Nexthop has invalid gateway.\nCommand failed -:4\n"))) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new NetConfig(r).applyV4("wwan0", LEASE));
            assertEquals(ExitCode.NO_ADDRESS, e.exitCode());
            assertEquals("ip -4 route replace default via 100.66.12.66 dev wwan0 onlink failed: "
                    + "Error: Nexthop has invalid gateway.", e.getMessage());
        }
    }

    @Test
    void should_not_take_already_assigned_as_done_for_a_line_other_than_the_add() {
        try (ReplayingRunner r = new ReplayingRunner(v4Batch(1, "RTNETLINK answers: File exists\n"
                + "Command failed -:4\n"))) {
            assertThrows(QmiConnException.class, () -> new NetConfig(r).applyV4("wwan0", LEASE));
        }
    }

    @Test
    void should_fail_when_ip_fails_without_naming_a_line() {
        try (ReplayingRunner r = new ReplayingRunner(v4Batch(255, "Option \"-force\" is unknown, try \"ip -help\".\n"))) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new NetConfig(r).applyV4("wwan0", LEASE));
            assertEquals(ExitCode.NO_ADDRESS, e.exitCode());
            assertTrue(e.getMessage().contains("-force"), e.getMessage());
        }
    }

    @Test
    void should_say_ip_is_missing() {
        try (ReplayingRunner r = new ReplayingRunner(v4Batch(127, "Cannot run program \"ip\"\n"))) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new NetConfig(r).applyV4("wwan0", LEASE));
            assertEquals(ExitCode.TOOL_MISSING, e.exitCode());
        }
    }

    @Test
    void should_try_every_flush_step_and_name_each_that_failed() {
        List<Transcript> ts = List.of(
                Transcript.of(List.of("ip", "-4", "-force", "-batch", "-"), 1, "",
                        "Cannot find device \"wwan0\"\nCommand failed -:1\nDevice \"wwan0\" does not exist.\n"
                                + "Command failed -:2\n")
                        .withStdin("route flush dev wwan0\naddr flush dev wwan0\n"),
                Transcript.of(List.of("ip", "-6", "-force", "-batch", "-"), 0, "", "")
                        .withStdin("route flush dev wwan0\naddr flush dev wwan0 scope global\n"
                                + "link set dev wwan0 down\n"));
        try (ReplayingRunner r = new ReplayingRunner(ts)) {
            assertEquals(List.of("ip -4 route flush dev wwan0: Cannot find device \"wwan0\"",
                    "ip -4 addr flush dev wwan0: Device \"wwan0\" does not exist."), new NetConfig(r).flush("wwan0"));
        }
    }

    @Test
    void should_refuse_a_replayed_batch_given_another_script() {
        ReplayingRunner r = new ReplayingRunner(v4Batch(0, ""));
        IpSettings other = new IpSettings("100.66.12.69", 30, "100.66.12.66", List.of(), 1500, "dhcp");
        assertThrows(ReplayingRunner.ReplayMismatchException.class, () -> new NetConfig(r).applyV4("wwan0", other));
    }
}
