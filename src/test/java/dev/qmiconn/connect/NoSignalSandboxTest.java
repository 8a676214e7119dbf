package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/** Scenario no-signal (searching forever): {@code up} ends at --timeout, and holds the device lock meanwhile. */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class NoSignalSandboxTest {

    private static SandboxedQmiConn box;

    @BeforeAll
    static void start() {
        box = new SandboxedQmiConn("no-signal");
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void should_refuse_a_concurrent_up_and_end_the_first_at_its_timeout() throws Exception {
        BackgroundProcess first = box.sandbox.start(List.of("qmi-conn", "up", "--apn", "fast.metropcs.com",
                "--timeout", "8s"));
        Path lock = box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.lock");
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(Files.exists(lock) && Files.size(lock) > 0) && System.nanoTime() < until && first.isAlive()) {
            Thread.sleep(50);
        }

        CommandResult second = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "2s");

        assertEquals(ExitCode.BUSY.code(), second.exitCode(), show(second));
        assertEquals(1, second.stderr().lines().count(), show(second));
        assertTrue(second.stderr().contains("another qmi-conn (pid "), second.stderr());

        OptionalInt exit = first.waitFor(Duration.ofSeconds(40));
        assertEquals(OptionalInt.of(ExitCode.NO_SERVICE.code()), exit, first.stdout() + first.stderr());
        assertTrue(first.stderr().startsWith("qmi-conn: no usable service after 8 s: registration "
                + "not-registered-searching"), first.stderr());
        assertEquals(0, box.sandbox.emulator().liveClientIds());
        assertEquals(0, box.sandbox.emulator().liveSessions());
    }

    @Test
    void should_say_searching_and_not_connected_in_status() {
        CommandResult r = box.qmiConn("status");

        assertEquals(ExitCode.NOT_CONNECTED.code(), r.exitCode(), show(r));
        assertTrue(r.stdout().startsWith("/dev/cdc-wdm0 (wwan0): searching"), r.stdout());
    }
}
