package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/** What `ip` says when another DHCP client on the link got there first (seen on the Pi OS-like booted system). */
class NetConfigTest {

    private static final IpSettings LEASE = new IpSettings("100.66.12.65", 30, null, List.of(), null, "dhcp");

    private static List<Transcript> flushThenAdd(int exit, String stderr) {
        return List.of(Transcript.of(List.of("ip", "-4", "addr", "flush", "dev", "wwan0"), 0, "", ""),
                Transcript.of(List.of("ip", "-4", "addr", "add", "100.66.12.65/30", "dev", "wwan0"), exit, "", stderr));
    }

    @Test
    void should_take_the_address_another_client_just_put_there_as_applied() {
        try (ReplayingRunner r = new ReplayingRunner(flushThenAdd(2, "Error: ipv4: Address already assigned.\n"))) {
            new NetConfig(r).applyV4("wwan0", LEASE);
            r.verifyAllConsumed();
        }
    }

    @Test
    void should_still_fail_on_any_other_refusal() {
        try (ReplayingRunner r = new ReplayingRunner(flushThenAdd(2, "Error: Nexthop has invalid gateway.\n"))) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> new NetConfig(r).applyV4("wwan0", LEASE));
            assertEquals(ExitCode.NO_ADDRESS, e.exitCode());
        }
    }
}
