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
    void should_allocate_the_uim_id_while_dhcp_runs_when_the_radio_is_ready_at_once() {
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            CommandResult up = box.qmiConn("-v", "up", "--apn", "fast.metropcs.com", "--timeout", "20s");

            assertEquals(0, up.exitCode(), show(up));
            String log = up.stderr();
            int start = log.indexOf("--wds-start-network");
            int uim = log.indexOf("--uim-noop, --client-no-release-cid");
            assertTrue(start >= 0 && uim > start, "the UIM id waits for DHCP, after the start:\n" + log);
            assertTrue(log.indexOf("--uim-get-card-status") < 0, "registered with signal: no card status\n" + log);
            assertTrue(log.contains("[qmicli, -d, /dev/cdc-wdm0, --nas-get-serving-system, --client-no-release-cid]"),
                    "the NAS id comes with the first query\n" + log);
            assertTrue(log.indexOf("--nas-noop") < 0, "no separate NAS allocation\n" + log);
            assertEquals(3, box.sandbox.emulator().liveClientIds(), "NAS, UIM, WDS kept");
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
        }
    }

    /** When the run of {@code argv} (as -v logs it) started and ended, ms of the day. */
    private static long[] span(String log, String argv) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) DEBUG "
                + "ExecRunner: ran \\[" + java.util.regex.Pattern.quote(argv) + "\\] -> exit \\d+ in (\\d+) ms").matcher(log);
        assertTrue(m.find(), argv + " not in\n" + log);
        long end = ((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3)))
                * 1000 + Long.parseLong(m.group(4));
        return new long[] {end - Long.parseLong(m.group(5)), end};
    }

    @Test
    void should_bring_the_link_up_and_run_dhcp_while_the_uim_id_is_being_allocated() {
        // 1 s a reply: the allocation takes over a second, the link and DHCP do not wait for it
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53", java.time.Duration.ofSeconds(1))) {
            CommandResult up = box.qmiConn("-v", "up", "--apn", "fast.metropcs.com", "--timeout", "60s");

            assertEquals(0, up.exitCode(), show(up));
            long[] uim = span(up.stderr(), "qmicli, -d, /dev/cdc-wdm0, --uim-noop, --client-no-release-cid");
            long[] link = span(up.stderr(), "ip, link, set, dev, wwan0, up");
            assertTrue(link[0] < uim[1], "ip link started before the UIM allocation ended\n" + up.stderr());
            assertEquals(3, box.sandbox.emulator().liveClientIds());
            assertEquals(0, box.qmiConn("down").exitCode());
        }
    }

    @Test
    void should_leave_nothing_when_up_is_killed_while_it_allocates_the_uim_id_during_dhcp() throws Exception {
        // 1 s a reply: the UIM allocation beside DHCP is still waiting on the modem when the SIGTERM comes
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53", java.time.Duration.ofSeconds(1))) {
            java.nio.file.Files.writeString(box.sandbox.tmpDir().resolve("kill-up.sh"), String.join("\n",
                    "qmi-conn up --apn fast.metropcs.com --timeout 60s & P=$!",
                    "until grep -Eq '\"pending\" ?: ?\"uim\"' /run/qmi-conn/cdc-wdm0.json 2>/dev/null; do sleep 0.05; done",
                    "kill -TERM $P; wait $P; echo \"exit $?\"", ""));

            String out = box.run("sh", "/tmp/kill-up.sh");

            assertTrue(out.contains("exit 143"), out);
            assertEquals(0, box.sandbox.emulator().liveSessions());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
            assertTrue(!java.nio.file.Files.exists(box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.json")));
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
