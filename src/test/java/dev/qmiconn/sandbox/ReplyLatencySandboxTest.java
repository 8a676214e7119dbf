package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/**
 * The emulator's reply latency as the real qmicli feels it: each of its QMI round trips (CTL version and client
 * id allocation, the query, the release) waits the latency, so a query takes at least round trips x latency.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "ip", "nsenter", "unshare"})
class ReplyLatencySandboxTest {

    private static final Duration LATENCY = Duration.ofMillis(150);

    @Test
    void should_make_every_qmicli_round_trip_wait_the_latency() {
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions("e397u-53", null, null), new ExecRunner(),
                new EmulatorModems().withReplyLatency(LATENCY))) {
            long before = sandbox.emulator().requestsSeen();
            long start = System.nanoTime();
            CommandResult r = sandbox.exec(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--nas-get-signal-strength"),
                    Duration.ofSeconds(20));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            long roundTrips = sandbox.emulator().requestsSeen() - before;

            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stdout().contains("lte"), r.stdout());
            assertTrue(roundTrips >= 3, "allocate, query, release at least; saw " + roundTrips);
            assertTrue(tookMs >= roundTrips * LATENCY.toMillis(), "qmicli took " + tookMs + " ms for " + roundTrips
                    + " round trips of " + LATENCY.toMillis() + " ms each");
            assertEquals(0, sandbox.emulator().liveClientIds(), "qmicli released its client id");
        }
    }
}
