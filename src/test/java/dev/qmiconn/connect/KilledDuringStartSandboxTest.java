package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;

/**
 * A signal while {@code up} waits for {@code --wds-start-network}: the modem (a slow-answer fault) brings the
 * call up at once and answers 4 s later, so qmi-conn is killed with the call up and its start unanswered. The
 * client id was recorded before the start, so whatever the signal, the next {@code down} (or {@code up}) finds it
 * and releases it, and the call goes down with it: no id is left, no NoEffect on the next start.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class KilledDuringStartSandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void should_leave_nothing_down_cannot_release_after_kill_9_during_start() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of(slowStart().toString()), new ExecRunner(),
                new EmulatorModems())) {
            BackgroundProcess up = box.start(List.of("qmi-conn", "up", "--apn", "fast.metropcs.com"));
            awaitSessionUp(box, up);
            ProcessHandle.of(up.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9
            up.waitFor(Duration.ofSeconds(10));
            assertEquals(1, box.emulator().liveSessions(), "the modem brought the call up: " + up.stdout());

            CommandResult down = box.exec(List.of("qmi-conn", "down"), PATIENCE);

            assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
            assertEquals(0, box.emulator().liveSessions(), down.stdout());
            assertEquals(0, box.emulator().liveClientIds(), down.stdout());
            CommandResult again = box.exec(List.of("qmi-conn", "up", "--apn", "fast.metropcs.com"), PATIENCE);
            assertEquals(0, again.exitCode(), again.stdout() + again.stderr());
            assertEquals(0, box.exec(List.of("qmi-conn", "down"), PATIENCE).exitCode());
            assertEquals(0, box.emulator().liveClientIds());
        }
    }

    @Test
    void should_undo_itself_on_sigterm_during_start() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of(slowStart().toString()), new ExecRunner(),
                new EmulatorModems())) {
            BackgroundProcess up = box.start(List.of("qmi-conn", "up", "--apn", "fast.metropcs.com"));
            awaitSessionUp(box, up);

            up.stop(Duration.ofSeconds(20)); // SIGTERM to the JVM only, as `kill PID` does

            assertEquals(0, box.emulator().liveSessions(), up.stdout() + up.stderr());
            assertEquals(0, box.emulator().liveClientIds(), up.stdout() + up.stderr());
            CommandResult down = box.exec(List.of("qmi-conn", "down"), PATIENCE);
            assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
            assertTrue(down.stdout().contains("already down"), down.stdout());
        }
    }

    /** e397u-53 whose start-network is answered 4 s after the call is up. */
    private Path slowStart() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode scenario;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/e397u-53.json")) {
            scenario = (ObjectNode) json.readTree(in);
        }
        scenario.put("name", "slow-start");
        ArrayNode faults = scenario.putArray("faults");
        faults.addObject().put("type", "slow-reply").put("request", "wds/start-network").put("delaySeconds", 4);
        Path file = tmp.resolve("slow-start.json");
        Files.writeString(file, json.writeValueAsString(scenario));
        return file;
    }

    private static void awaitSessionUp(Sandbox box, BackgroundProcess up) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (box.emulator().liveSessions() == 0) {
            if (System.nanoTime() > end || !up.isAlive()) {
                throw new AssertionError("no call came up: " + up.stdout() + up.stderr());
            }
            Thread.sleep(50);
        }
    }
}
