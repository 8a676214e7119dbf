package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/**
 * The modem side follows the emulator's timeline: a dropped session takes wwan0's carrier away, a vanished
 * device takes /dev/cdc-wdm0 away and its return brings back one qmicli can talk to. The scenario is the
 * E397u-53 given as a file, with the faults of 'flaky' and 'vanish' squeezed into a few seconds.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "ip", "nsenter", "unshare"})
class SandboxFaultsTest {

    @Test
    void should_follow_session_drops_and_device_vanishing(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode scenario;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/e397u-53.json")) {
            scenario = (ObjectNode) json.readTree(in);
        }
        scenario.put("name", "e397u-53-squeezed");
        scenario.set("faults", json.readTree("[{\"type\":\"session-drop\",\"afterSessionSeconds\":1.5,"
                + "\"recoverAfterSeconds\":0.5},{\"type\":\"device-vanish\",\"fromSeconds\":3.0,"
                + "\"returnAtSeconds\":3.6}]"));
        Path file = dir.resolve("squeezed.json");
        json.writeValue(file.toFile(), scenario);

        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(file.toString(), null, null), new ExecRunner(),
                new EmulatorModems())) {
            EmulatedModem modem = sandbox.emulator();
            assertEquals("e397u-53-squeezed", modem.scenarioName());
            exec(sandbox, "ip", "link", "set", "wwan0", "up");
            assertEquals("0", exec(sandbox, "cat", "/sys/class/net/wwan0/carrier").stdout().strip());

            exec(sandbox, "qmicli", "-d", "/dev/cdc-wdm0", "--wds-start-network=apn='fast.metropcs.com'",
                    "--client-no-release-cid");
            assertEquals(1, modem.liveSessions());
            awaitTrue(() -> "1".equals(carrier(sandbox)), "carrier after the session came up");

            awaitTrue(() -> modem.liveSessions() == 0, "the session drop");
            awaitTrue(() -> "0".equals(carrier(sandbox)), "carrier gone after the drop");

            awaitTrue(() -> !device(sandbox), "/dev/cdc-wdm0 gone while the modem is off the bus");
            awaitTrue(() -> device(sandbox), "/dev/cdc-wdm0 back");
            CommandResult ids = exec(sandbox, "qmicli", "-d", "/dev/cdc-wdm0", "--dms-get-ids");
            assertTrue(ids.stdout().contains("866948010012345"), ids.stdout());
        }
    }

    private static String carrier(Sandbox sandbox) {
        return sandbox.exec(List.of("cat", "/sys/class/net/wwan0/carrier"), Duration.ofSeconds(5)).stdout().strip();
    }

    private static boolean device(Sandbox sandbox) {
        return sandbox.exec(List.of("test", "-c", "/dev/cdc-wdm0"), Duration.ofSeconds(5)).exitCode() == 0;
    }

    private static CommandResult exec(Sandbox sandbox, String... argv) {
        CommandResult r = sandbox.exec(List.of(argv), Duration.ofSeconds(20));
        assertEquals(0, r.exitCode(), () -> List.of(argv) + ": " + r.stdout() + r.stderr());
        return r;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
