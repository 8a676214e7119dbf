package dev.qmiconn.service;

import static dev.qmiconn.service.ServiceSandboxTest.qmiConn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;
import dev.qmiconn.testing.WatchLog;

/**
 * The service's own {@code down} keeps the session's WDS client id in {@code <dev>.service.json} and its next
 * {@code up} starts the call on it (no allocation), with the real qmicli, udhcpc and ip: the id is released when the
 * service stops, by a one-shot {@code down} after a kill -9 of the held-down service, and a modem that forgot it
 * (a CTL sync) gets a fresh one.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare", "setpriv"})
class ServiceParkedWdsSandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private static BackgroundProcess watch(Sandbox box) {
        return box.start(qmiConn("watch", "--apn", "fast.metropcs.com", "--timeout", "15s", "--poll", "1s"));
    }

    @Test
    void should_start_the_next_up_on_the_id_its_down_kept_and_release_it_on_stop() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess watch = watch(box);
            try {
                WatchLog.await(watch, PATIENCE, log -> log.contains(" connected "));
                WatchLog.await(watch, PATIENCE, log -> box.emulator().liveClientIds() == 4);
                List<Integer> session = wdsIds(box.tmpDir().resolve("qmi-state/cdc-wdm0.json"));
                assertEquals(1, session.size(), "the session's WDS id");

                CommandResult down = box.exec(qmiConn("down"), PATIENCE);
                assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
                assertEquals(0, box.emulator().liveSessions());
                assertEquals(4, box.emulator().liveClientIds(), "the WDS id is kept with NAS, UIM, DMS");
                assertEquals(session, wdsIds(serviceRecord(box)), "kept in the service's record");
                assertFalse(Files.exists(box.tmpDir().resolve("qmi-state/cdc-wdm0.json")), "no session record");

                long allocations = box.emulator().allocationsSeen();
                CommandResult up = box.exec(qmiConn("up"), PATIENCE);
                assertEquals(0, up.exitCode(), up.stdout() + up.stderr() + "\n" + watch.stdout());
                assertEquals(1, box.emulator().liveSessions());
                assertEquals(allocations, box.emulator().allocationsSeen(), "up allocated no client id");
                assertEquals(session, wdsIds(box.tmpDir().resolve("qmi-state/cdc-wdm0.json")), "started on it");
                assertEquals(List.of(), wdsIds(serviceRecord(box)), "moved out of the service's record");
                assertEquals(4, box.emulator().liveClientIds());

                assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
                assertEquals(4, box.emulator().liveClientIds());
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), "stop released the kept WDS id too: " + watch.stdout());
        }
    }

    @Test
    void should_release_a_killed_held_down_services_kept_wds_id_on_down() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess watch = watch(box);
            try {
                WatchLog.await(watch, PATIENCE, log -> log.contains(" connected "));
                WatchLog.await(watch, PATIENCE, log -> box.emulator().liveClientIds() == 4);
                assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
                assertEquals(4, box.emulator().liveClientIds());
            } finally {
                ProcessHandle.of(watch.pid()).ifPresent(ProcessHandle::destroyForcibly);
                watch.waitFor(Duration.ofSeconds(10));
            }
            CommandResult down = box.exec(qmiConn("down"), PATIENCE);
            assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
            assertTrue(down.stdout().contains("released the 4 client ids a stopped service kept"), down.stdout());
            assertEquals(0, box.emulator().liveClientIds());
        }
    }

    @Test
    void should_start_on_a_fresh_id_when_the_modem_forgot_the_kept_one() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess watch = watch(box);
            try {
                WatchLog.await(watch, PATIENCE, log -> log.contains(" connected "));
                assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
                // a CTL sync frees every client id on the modem, as a reset does
                CommandResult sync = box.exec(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--device-open-sync",
                        "--dms-noop"), PATIENCE);
                assertEquals(0, sync.exitCode(), sync.stdout() + sync.stderr());
                assertEquals(0, box.emulator().liveClientIds());

                CommandResult up = box.exec(qmiConn("up"), PATIENCE);
                assertEquals(0, up.exitCode(), up.stdout() + up.stderr() + "\n" + watch.stdout());
                assertEquals(1, box.emulator().liveSessions());
                List<Integer> session = wdsIds(box.tmpDir().resolve("qmi-state/cdc-wdm0.json"));
                assertEquals(1, session.size(), "a fresh WDS id, recorded");
                assertEquals(List.of(), wdsIds(serviceRecord(box)));
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), watch.stdout());
        }
    }

    private static Path serviceRecord(Sandbox box) {
        return box.tmpDir().resolve("qmi-state/cdc-wdm0.service.json");
    }

    private static List<Integer> wdsIds(Path record) throws java.io.IOException {
        List<Integer> ids = new ArrayList<>();
        for (JsonNode id : new ObjectMapper().readTree(record.toFile()).path("clientIds")) {
            if (id.path("service").asText().equals("wds")) {
                ids.add(id.path("cid").asInt());
            }
        }
        return ids;
    }
}
