package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * Scenario no-sim (UIM says the card is absent): {@code up} says so at the first card query, not after
 * {@code --timeout} (it used to take 21.6 s with --timeout 20s), and leaves no client id behind.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class NoSimSandboxTest {

    private static SandboxedQmiConn box;

    @BeforeAll
    static void start() {
        box = new SandboxedQmiConn("no-sim");
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void should_say_no_sim_at_the_first_query_well_under_the_timeout() {
        CommandResult r = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s");

        assertEquals(ExitCode.SIM_ERROR.code(), r.exitCode(), show(r));
        assertEquals("qmi-conn: no SIM card: insert one (the E397u-53's slot is on its side), then run this again\n",
                r.stderr(), show(r));
        // a JVM start and three qmicli runs; the old wait took the whole 20 s
        assertTrue(r.duration().compareTo(Duration.ofSeconds(8)) < 0, "took " + r.duration() + ": " + show(r));
        assertEquals(0, box.sandbox.emulator().liveClientIds(), show(r));
    }

    @Test
    void should_say_absent_in_status() {
        CommandResult r = box.qmiConn("status");

        assertEquals(ExitCode.NOT_CONNECTED.code(), r.exitCode(), show(r));
        assertTrue(r.stdout().contains("\n  sim:          absent\n"), r.stdout());
    }
}
