package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.Fault;
import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;
import dev.qmiconn.testing.WatchLog;

/**
 * Scenario roaming-later: at home, then registered roaming within a window of the emulator's timeline, then home
 * again. {@code watch --roaming deny} must take the link down when roaming starts and bring it back up after.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class RoamingWatchSandboxTest {

    @Test
    void should_take_the_link_down_while_roaming_and_bring_it_back_home() {
        Fault window = Scenario.load("roaming-later").faults().get(0);
        Duration patience = Duration.ofSeconds(window.untilSeconds().longValue() + 40);
        try (Sandbox box = Sandbox.start(SandboxOptions.of("roaming-later"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess watch = box.start(List.of("qmi-conn", "watch", "--apn", "fast.metropcs.com",
                    "--roaming", "deny", "--timeout", "15s", "--poll", "1s", "--backoff-scale", "0.2"));
            try {
                WatchLog.await(watch, patience, log -> log.contains(" roaming "));
                String log = watch.stdout();
                assertTrue(log.indexOf(" connected ") < log.indexOf(" roaming "), "connected at home first:\n" + log);
                assertTrue(log.contains(" roaming registered roaming on MetroPCS (311/660); link down until home "
                        + "again (--roaming deny)"), log);
                WatchLog.await(watch, Duration.ofSeconds(10), l -> box.emulator().liveSessions() == 0);

                WatchLog.await(watch, patience, l -> l.indexOf(" connected ", l.indexOf(" roaming ")) > 0);
                assertEquals(1, box.emulator().liveSessions(), watch.stdout());
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), watch.stdout());
        }
    }

    /**
     * The stop hook kills whatever qmicli runs; a poll-time query on a fresh client id (the roaming check with
     * {@code --roaming deny}) killed after its allocation would leak that id. So polls must allocate nothing: they
     * ask on the service's kept ids.
     */
    @Test
    void should_allocate_no_client_id_while_polling_with_roaming_denied() {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess watch = box.start(List.of("qmi-conn", "watch", "--apn", "fast.metropcs.com",
                    "--roaming", "deny", "--timeout", "15s", "--poll", "1s"));
            try {
                WatchLog.await(watch, Duration.ofSeconds(60), log -> log.contains(" connected "));
                WatchLog.await(watch, Duration.ofSeconds(10), l -> box.emulator().liveSessions() == 1);
                sleep(Duration.ofSeconds(2)); // the first polls after connecting
                long before = box.emulator().allocationsSeen();
                sleep(Duration.ofSeconds(4)); // ~4 polls, each with a roaming check
                assertEquals(before, box.emulator().allocationsSeen(), "polls allocated client ids:\n"
                        + watch.stdout());
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), watch.stdout());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
