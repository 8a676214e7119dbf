package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;
import dev.qmiconn.testing.WatchLog;

/**
 * The budget across restarts and reboots, with the real qmicli against the emulated E397u-53 (its SIM's ICCID is
 * 8901260842100012345; the session trickles about 12 kB/s): watch keeps the count in /var/lib/qmi-conn (the
 * sandbox's own, an overlay), so it survives a restart of watch and a "reboot" that wipes /run, and once the cap
 * is used up neither watch nor up connect.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class UsageLedgerSandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String LEDGER = "sim-8901260842100012345";

    private static List<String> watch(String cap) {
        return new ArrayList<>(List.of("qmi-conn", "watch", "--apn", "fast.metropcs.com", "--timeout", "15s",
                "--poll", "1s", "--backoff-scale", "0.2", "--cap", cap));
    }

    @Test
    void should_keep_the_count_across_a_restart_and_a_reboot_and_refuse_to_connect_once_capped() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            long first = runWatchUntilCounted(box, 0);
            JsonNode u1 = usage(box, ExitCode.OK);
            assertEquals(LEDGER, u1.get("ledger").asText());
            assertEquals(first, u1.get("used_bytes").asLong(), "stop wrote the last count");
            assertEquals(10_000_000, u1.get("cap_bytes").asLong(), "usage knows watch's cap without --cap");

            long second = runWatchUntilCounted(box, first);
            assertTrue(second > first, "restart: counted on from " + first + " to " + second);

            // "reboot": the runtime directory is tmpfs; the state directory is on disk
            box.exec(List.of("sh", "-c", "rm -rf /run/qmi-conn"), Duration.ofSeconds(10));
            JsonNode u3 = usage(box, ExitCode.OK);
            assertEquals(second, u3.get("used_bytes").asLong(), "the ledger is not in /run");
            CommandResult status = box.exec(List.of("qmi-conn", "status", "--json"), Duration.ofSeconds(30));
            JsonNode s = new ObjectMapper().readTree(status.stdout());
            assertEquals(second, s.get("usage").get("used_bytes").asLong(), status.stdout());
            assertEquals(10_000_000 - second, s.get("usage").get("remaining_bytes").asLong(), status.stdout());

            // a cap already used up: watch stays down from the start, up refuses with the reset date
            BackgroundProcess capped = box.start(watch("10KB"));
            try {
                WatchLog.await(capped, PATIENCE, log -> log.contains(" capped "));
                Thread.sleep(2000);
                assertEquals(0, box.emulator().liveSessions(), capped.stdout());
                assertTrue(!capped.stdout().contains(" connected "), capped.stdout());
                // through the service: the ledger holds the cap the service holds the link down for
                CommandResult served = box.exec(List.of("qmi-conn", "usage"), Duration.ofSeconds(30));
                assertEquals(ExitCode.CAP_REACHED.code(), served.exitCode(), served.stdout() + served.stderr());
                assertTrue(served.stdout().contains("no connection until the period resets on "
                        + u3.get("period_end").asText()), served.stdout());
            } finally {
                capped.stop(Duration.ofSeconds(30));
            }
            CommandResult up = box.exec(List.of("qmi-conn", "up", "--apn", "fast.metropcs.com"),
                    Duration.ofSeconds(60));
            assertEquals(ExitCode.CAP_REACHED.code(), up.exitCode(), up.stdout() + up.stderr());
            String periodEnd = u3.get("period_end").asText();
            assertTrue(up.stderr().contains("not connecting until the period resets on " + periodEnd), up.stderr());
            assertEquals(0, box.emulator().liveSessions());
            assertEquals(0, box.emulator().liveClientIds(), "the ICCID query released its client id");
            assertEquals(ExitCode.CAP_REACHED.code(), usageExit(box), "usage: the stored cap is 10KB now");
        }
    }

    /** Runs watch until its ledger counts more than {@code above} bytes, then SIGTERM; the count at the end. */
    private static long runWatchUntilCounted(Sandbox box, long above) throws Exception {
        BackgroundProcess w = box.start(watch("10MB"));
        try {
            WatchLog.await(w, PATIENCE, log -> log.contains(" connected "));
            Thread.sleep(3000); // a few polls of traffic
        } finally {
            w.stop(Duration.ofSeconds(30));
        }
        assertTrue(w.stdout().contains(" stopped link down"), w.stdout() + w.stderr());
        long used = usage(box, ExitCode.OK).get("used_bytes").asLong();
        assertTrue(used > above, "counted: " + used + " after " + above + "\n" + w.stdout());
        return used;
    }

    private static JsonNode usage(Sandbox box, ExitCode expected) throws Exception {
        CommandResult r = box.exec(List.of("qmi-conn", "usage", "--json"), Duration.ofSeconds(30));
        assertEquals(expected.code(), r.exitCode(), r.stdout() + r.stderr());
        return new ObjectMapper().readTree(r.stdout());
    }

    private static int usageExit(Sandbox box) {
        return box.exec(List.of("qmi-conn", "usage"), Duration.ofSeconds(30)).exitCode();
    }
}

