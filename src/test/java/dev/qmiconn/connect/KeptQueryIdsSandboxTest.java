package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * The NAS and UIM ids a one-shot {@code up} keeps for {@code status}, with the real qmicli: status asks on them
 * (no allocate/release round trips), down releases them, and a status after the modem forgot every id (a CTL sync)
 * still answers, on fresh ids.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class KeptQueryIdsSandboxTest {

    @Test
    void should_ask_status_on_the_ids_up_kept_and_release_them_on_down() {
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            assertEquals(0, box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s").exitCode());
            assertEquals(3, box.sandbox.emulator().liveClientIds());

            long before = box.sandbox.emulator().requestsSeen();
            CommandResult status = box.qmiConn("-v", "status", "--json");
            long asked = box.sandbox.emulator().requestsSeen() - before;

            assertEquals(0, status.exitCode(), show(status));
            assertTrue(status.stderr().contains("--uim-get-card-status, --client-cid=1, --client-no-release-cid"),
                    status.stderr());
            assertTrue(status.stderr().contains("--nas-get-serving-system, --client-cid=1, --client-no-release-cid"),
                    status.stderr());
            assertTrue(status.stdout().contains("\"registration\""), status.stdout());
            // card, serving system, signal, packet service, statistics: one round trip each; plus the IMEI and
            // ICCID asked once per plug-in (3 each: allocate, ask, release) and qmicli's CTL version queries
            assertTrue(asked <= 5 + 6 + 7, "status sent " + asked + " QMI requests");
            assertEquals(3, box.sandbox.emulator().liveClientIds(), "status allocated nothing it kept");

            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds(), "down released the kept ids too");
        }
    }

    @Test
    void should_answer_on_fresh_ids_when_the_modem_forgot_the_kept_ones() {
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            assertEquals(0, box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s").exitCode());
            box.run("qmicli", "-d", "/dev/cdc-wdm0", "--device-open-sync", "--dms-noop");
            assertEquals(0, box.sandbox.emulator().liveClientIds(), "the sync freed every id (and ended the call)");

            CommandResult status = box.qmiConn("status", "--json");

            assertEquals(ExitCode.NOT_CONNECTED.code(), status.exitCode(), show(status));
            assertTrue(status.stdout().contains("\"registration\" : {"), status.stdout());
            assertTrue(status.stdout().contains("\"sim\" : {"), status.stdout());
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
        }
    }
}
