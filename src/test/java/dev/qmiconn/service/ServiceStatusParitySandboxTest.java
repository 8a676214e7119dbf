package dev.qmiconn.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
 * The fast path answers the same report: {@code status --json} through the service (its live view, the forwarding
 * client) has every field the command run directly has, with the same values where the modem's state is the same
 * (connection, SIM, registration, address, libqmi verdict), and the same exit codes, connected and held down.
 * The service adds the usage section from the ledger it keeps (a one-shot run without a ledger has none).
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class ServiceStatusParitySandboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAME = List.of("state", "lte", "led", "connection", "sim", "registration", "lte", "libqmi", "ids",
            "ip.address", "ip.prefix", "ip.gateway", "ip.source");

    private static List<String> qmiConn(String... args) {
        List<String> argv = new ArrayList<>(List.of("qmi-conn"));
        argv.addAll(List.of(args));
        return argv;
    }

    @Test
    void should_answer_the_same_fields_and_exit_codes_as_status_run_directly() throws Exception {
        try (Sandbox box = Sandbox.start(SandboxOptions.of("e397u-53"), new ExecRunner(), new EmulatorModems())) {
            assertEquals(0, box.exec(qmiConn("up", "--apn", "fast.metropcs.com"), PATIENCE).exitCode());
            CommandResult direct = box.exec(qmiConn("status", "--json"), PATIENCE);
            assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
            CommandResult directDown = box.exec(qmiConn("status", "--json"), PATIENCE);

            BackgroundProcess watch = box.start(qmiConn("watch", "--apn", "fast.metropcs.com", "--poll", "1s"));
            try {
                WatchLog.await(watch, PATIENCE, log -> log.contains(" connected "));
                // the live view has the session's counters from the poll that follows the connect at once
                WatchLog.await(watch, PATIENCE, log -> !statusOf(box).path("packets").isNull()
                        && !statusOf(box).path("signal").isNull());
                CommandResult served = box.exec(qmiConn("status", "--json"), PATIENCE);
                assertEquals(0, box.exec(qmiConn("down"), PATIENCE).exitCode());
                CommandResult servedDown = box.exec(qmiConn("status", "--json"), PATIENCE);

                assertEquals(direct.exitCode(), served.exitCode(), served.stdout() + served.stderr());
                assertEquals(0, served.exitCode());
                assertEquals(directDown.exitCode(), servedDown.exitCode(), servedDown.stdout() + servedDown.stderr());
                assertEquals(12, servedDown.exitCode());

                JsonNode a = JSON.readTree(direct.stdout());
                JsonNode b = JSON.readTree(served.stdout());
                TreeSet<String> missing = fields(a, "");
                missing.removeAll(fields(b, ""));
                assertTrue(missing.isEmpty(), "fields the service's status lacks: " + missing + "\n" + served.stdout());
                for (String path : SAME) {
                    assertEquals(at(a, path), at(b, path), path + "\ndirect: " + direct.stdout() + "\nserved: "
                            + served.stdout());
                }
                assertTrue(b.get("usage").has("used_bytes"), "the service's ledger: " + served.stdout());
            } finally {
                watch.stop(Duration.ofSeconds(30));
            }
        }
    }

    private static JsonNode statusOf(Sandbox box) {
        try {
            return JSON.readTree(box.exec(qmiConn("status", "--json"), PATIENCE).stdout());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static JsonNode at(JsonNode n, String path) {
        for (String p : path.split("\\.")) {
            n = n.path(p);
        }
        return n;
    }

    private static TreeSet<String> fields(JsonNode n, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(prefix + e.getKey());
            out.addAll(fields(e.getValue(), prefix + e.getKey() + "."));
        }
        return out;
    }
}
