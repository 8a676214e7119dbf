package dev.qmiconn.service;

import static dev.qmiconn.service.ServiceSandboxTest.qmiConn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
 * The service and the one-shot commands say the same things, with the real qmicli, udhcpc and ip in the sandbox:
 * {@code status --json} has the same fields either way (IMEI and ICCID included), {@code up}, {@code down},
 * {@code status} and {@code usage} exit with the same codes through the socket as run directly when the modem
 * cannot connect, and a one-shot {@code down} after a kill -9 of the service leaves no client id at all.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare", "setpriv"})
class ServiceParitySandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String APN = "fast.metropcs.com";

    private static List<String> watch() {
        return qmiConn("watch", "--apn", APN, "--timeout", "15s", "--poll", "1s", "--backoff-scale", "0.2");
    }

    @Test
    void should_show_the_same_status_fields_and_leave_no_client_id_after_a_killed_service_and_down()
            throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess service = box.start(watch());
            JsonNode served;
            try {
                WatchLog.await(service, PATIENCE, log -> log.contains(" connected "));
                // the live view asks for the ids at its first radio refresh
                WatchLog.await(service, PATIENCE, log -> status(box).path("ids").hasNonNull("iccid"));
                served = status(box);
                assertEquals(4, box.emulator().liveClientIds(), "the session's WDS id, the kept NAS, UIM, DMS ids");
            } finally {
                ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
                service.waitFor(Duration.ofSeconds(10));
            }
            assertEquals(4, box.emulator().liveClientIds(), "kill -9 released nothing");

            CommandResult down = box.exec(qmiConn("down"), PATIENCE);
            assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
            assertEquals(0, box.emulator().liveSessions(), down.stdout());
            assertEquals(0, box.emulator().liveClientIds(), "down released the service's kept ids: " + down.stdout());
            assertTrue(down.stdout().contains("released the 3 client ids a stopped service kept"), down.stdout());
            assertFalse(Files.exists(box.tmpDir().resolve("qmi-state/cdc-wdm0.service.json")), "record removed");

            CommandResult up = box.exec(qmiConn("up", "--apn", APN, "--timeout", "15s"), PATIENCE);
            assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
            JsonNode direct = status(box);
            assertEquals(fields(direct), fields(served), "status fields: direct vs through the service\n" + direct
                    + "\n" + served);
            assertEquals(direct.get("ids"), served.get("ids"));
            assertNotNull(served.get("ids").get("imei").textValue());
            assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
            assertEquals(0, box.emulator().liveClientIds());
        }
    }

    @Test
    void should_release_a_killed_services_kept_ids_when_up_runs_directly() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            BackgroundProcess service = box.start(watch());
            try {
                WatchLog.await(service, PATIENCE, log -> log.contains(" connected "));
                WatchLog.await(service, PATIENCE, log -> box.emulator().liveClientIds() == 4);
            } finally {
                ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
                service.waitFor(Duration.ofSeconds(10));
            }
            CommandResult up = box.exec(qmiConn("up", "--apn", APN, "--timeout", "15s"), PATIENCE);
            assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
            assertTrue(up.stdout().contains("released the 3 client ids a stopped service kept"), up.stdout());
            assertFalse(Files.exists(box.tmpDir().resolve("qmi-state/cdc-wdm0.service.json")), "record removed");
            JsonNode record = new ObjectMapper().readTree(box.tmpDir().resolve("qmi-state/cdc-wdm0.json").toFile());
            assertEquals(record.path("clientIds").size(), box.emulator().liveClientIds(),
                    "the modem holds exactly the ids up recorded: " + record + "\n" + up.stdout());
            assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
            assertEquals(0, box.emulator().liveClientIds());
        }
    }

    @Test
    void should_exit_with_the_same_codes_through_the_service_as_directly_when_the_call_fails() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("call-failed"), new ExecRunner(), new EmulatorModems())) {
            // directly, up is given the settings the service runs with (through it, they are its own)
            Map<String, Integer> direct = codes(box, qmiConn("up", "--apn", APN, "--timeout", "15s"));
            assertEquals(12, direct.get("status"), "not connected");
            assertTrue(direct.get("up") != 0 && direct.get("up") != 12, "up says why: " + direct);

            BackgroundProcess service = box.start(watch());
            try {
                WatchLog.await(service, PATIENCE, log -> log.contains(" waiting "));
                Map<String, Integer> served = codes(box, qmiConn("up"));
                assertEquals(direct, served, service.stdout());
            } finally {
                service.stop(Duration.ofSeconds(30));
            }
            assertEquals(0, box.emulator().liveClientIds(), service.stdout());
        }
    }

    /** Exit codes of status, up, down, status again and usage, in that order. */
    private static Map<String, Integer> codes(Sandbox box, List<String> up) {
        Map<String, Integer> codes = new java.util.LinkedHashMap<>();
        codes.put("status", box.exec(qmiConn("status"), PATIENCE).exitCode());
        codes.put("up", box.exec(up, Duration.ofSeconds(150)).exitCode());
        codes.put("down", box.exec(qmiConn("down"), PATIENCE).exitCode());
        codes.put("status after down", box.exec(qmiConn("status"), PATIENCE).exitCode());
        codes.put("usage", box.exec(qmiConn("usage"), PATIENCE).exitCode());
        return codes;
    }

    private static JsonNode status(Sandbox box) {
        CommandResult r = box.exec(qmiConn("status", "--json"), PATIENCE);
        try {
            return new ObjectMapper().readTree(r.stdout());
        } catch (java.io.IOException e) {
            throw new AssertionError("status --json: " + r.stdout() + r.stderr(), e);
        }
    }

    /** The paths of every field that has a value ({@code ip.address}, {@code ids.imei}, ...). */
    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            if (e.getValue().isObject()) {
                collect(e.getValue(), path + ".", paths);
            } else if (!e.getValue().isNull() && !path.equals("errors")) {
                paths.add(path);
            }
        }
    }
}
