package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/** Scenario call-failed: every start fails with CallFailed; the reason is shown and no client id is left. */
@RealTools({"qmicli", "qmi-network", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class CallFailedSandboxTest {

    private static SandboxedQmiConn box;

    @BeforeAll
    static void start() {
        box = new SandboxedQmiConn("call-failed");
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void should_show_the_call_end_reason_and_release_the_cid() throws Exception {
        CommandResult r = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s");

        assertEquals(ExitCode.CALL_FAILED.code(), r.exitCode(), show(r));
        assertEquals(1, r.stderr().lines().count(), show(r));
        assertTrue(r.stderr().contains("call end reason: generic-unspecified, [3gpp] option-unsubscribed"), show(r));
        assertTrue(r.stderr().contains("WDS client id 1 released"), show(r));
        assertTrue(r.stderr().startsWith("qmi-conn: data session refused: the SIM has no data plan"), show(r));
        assertTrue(Files.readString(java.nio.file.Path.of("docs", "TROUBLESHOOTING.md"))
                .contains("\n" + r.stderr().strip() + "\n"), "docs/TROUBLESHOOTING.md quotes it as printed: " + show(r));
        assertEquals(0, box.sandbox.emulator().liveClientIds());
        assertEquals(0, box.sandbox.emulator().liveSessions());
        assertFalse(Files.exists(box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.json")));
    }

    @Test
    void should_show_the_reason_through_qmi_network_too_and_leave_no_cid() {
        CommandResult r = box.qmiConn("up", "--backend", "qmi-network", "--apn", "fast.metropcs.com");

        assertEquals(ExitCode.CALL_FAILED.code(), r.exitCode(), show(r));
        assertTrue(r.stderr().contains("no packet data handle"), show(r));
        assertTrue(r.stderr().contains("call end reason (1): generic-unspecified"), show(r));
        assertTrue(r.stderr().startsWith("qmi-conn: data session refused: the SIM has no data plan"), show(r));
        assertEquals(0, box.sandbox.emulator().liveClientIds());
    }
}
