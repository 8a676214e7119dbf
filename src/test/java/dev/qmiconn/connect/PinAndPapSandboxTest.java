package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/** Scenarios pin (PIN1 1234 must be verified) and pap (APN wants PAP metro/secret). */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class PinAndPapSandboxTest {

    @Test
    void should_ask_for_the_pin_then_enter_it_and_connect() {
        try (SandboxedQmiConn box = new SandboxedQmiConn("pin")) {
            CommandResult without = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s");
            assertEquals(ExitCode.SIM_ERROR.code(), without.exitCode(), show(without));
            assertTrue(without.stderr().contains("the SIM needs its PIN (3 attempts left): give --pin"), show(without));

            CommandResult with = box.qmiConn("up", "--apn", "fast.metropcs.com", "--pin", "1234", "--timeout", "20s");
            assertEquals(0, with.exitCode(), show(with));
            assertTrue(with.stdout().contains("SIM unlocked with the PIN"), with.stdout());
            assertEquals(1, box.sandbox.emulator().liveSessions());

            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
        }
    }

    @Test
    void should_connect_with_pap_credentials_and_release_the_cid_without_them() {
        try (SandboxedQmiConn box = new SandboxedQmiConn("pap")) {
            CommandResult none = box.qmiConn("up", "--apn", "fast.metropcs.com", "--ip-config", "static");
            assertEquals(ExitCode.CALL_FAILED.code(), none.exitCode(), show(none));
            assertEquals(0, box.sandbox.emulator().liveClientIds());

            CommandResult pap = box.qmiConn("up", "--apn", "fast.metropcs.com", "--user", "metro", "--password",
                    "secret", "--auth", "pap", "--ip-config", "static");
            assertEquals(0, pap.exitCode(), show(pap));
            assertEquals(1, box.sandbox.emulator().liveSessions());
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
        }
    }
}
