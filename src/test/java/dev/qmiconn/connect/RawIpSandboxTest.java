package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * Scenario raw-ip (a modern modem with WDA, raw-ip, IPv4 and IPv6): the kernel side is flipped to match; IPv4
 * and IPv6 one after the other here, both at once in {@link DualStackSandboxTest}.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class RawIpSandboxTest {

    @Test
    void should_flip_the_kernel_to_raw_ip_and_configure_ipv4_then_ipv6() throws Exception {
        try (SandboxedQmiConn box = new SandboxedQmiConn("raw-ip")) {
            assertEquals("N", Files.readString(box.sandbox.rawIpFile()).strip(), "the kernel starts in 802-3");

            CommandResult r = box.qmiConn("up", "--apn", "internet", "--timeout", "20s");

            assertEquals(0, r.exitCode(), show(r));
            assertEquals("Y", Files.readString(box.sandbox.rawIpFile()).strip());
            assertTrue(r.stdout().contains("kernel link layer set to raw-ip"), r.stdout());
            // the real qmicli prints the scenario's MNC 1 as 'MNC: '1''; the operator code is 262-01
            assertTrue(r.stdout().contains("(262-01)"), r.stdout());
            SessionSettings s = box.sandbox.emulator().session().orElseThrow();
            assertTrue(box.run("ip", "-4", "addr", "show", "dev", "wwan0").contains("inet " + s.address() + "/"));
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());

            CommandResult six = box.qmiConn("up", "--apn", "internet", "--ip-type", "6", "--timeout", "20s");
            assertEquals(0, six.exitCode(), show(six));
            assertTrue(box.run("ip", "-6", "addr", "show", "dev", "wwan0").contains("2a01:598:a1:5b2f:1:2:3:4/64"));
            assertTrue(box.run("cat", "/etc/resolv.conf").contains("nameserver 2a01:598:7ff:0:10:74:210:221"));
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
            assertEquals(0, box.sandbox.emulator().liveSessions());
        }
    }
}
