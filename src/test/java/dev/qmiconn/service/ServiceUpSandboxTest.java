package dev.qmiconn.service;

import static dev.qmiconn.service.ServiceSandboxTest.qmiConn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;
import dev.qmiconn.testing.WatchLog;

/**
 * {@code up} through the service after {@code down} skips the radio check when the live view read registration
 * and signal moments ago. Here the network goes right after that read: the start fails with no-service, and the
 * service must ask again with the full check (which waits for the network) instead of answering a failure.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class ServiceUpSandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Test
    void should_connect_when_the_network_went_after_the_live_view_saw_it() {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess watch = box.start(qmiConn("watch", "--apn", "fast.metropcs.com", "--timeout", "20s",
                    "--poll", "1s"));
            try {
                WatchLog.await(watch, PATIENCE, log -> log.contains(" connected "));
                CommandResult down = box.exec(qmiConn("down"), PATIENCE);
                assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
                assertEquals(0, box.emulator().liveSessions());

                box.emulator().dropSession(3); // no service for 3 s; the live view still says registered
                CommandResult up = box.exec(qmiConn("up"), PATIENCE);
                assertEquals(0, up.exitCode(), up.stdout() + up.stderr() + "\n" + watch.stdout());
                assertEquals(1, box.emulator().liveSessions(), watch.stdout());
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), watch.stdout());
        }
    }
}
