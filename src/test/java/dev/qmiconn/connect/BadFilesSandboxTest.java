package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * The fault campaign's file and input cases (issue 17: 3, 4, 6, 7, 10, 11, 12) with the real qmicli, udhcpc and
 * ip against the emulated E397u-53: a wrong --iface, a damaged state file, resolv.conf.head in Latin-1, without
 * a final newline, a directory or a lone BEGIN marker, a temp file a killed writer left, and the documented
 * recovery for leaked client ids. Every test starts and ends with the modem down and no client id held.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class BadFilesSandboxTest {

    private static final String APN = "fast.metropcs.com";
    private static SandboxedQmiConn box;

    @BeforeAll
    static void start() {
        box = new SandboxedQmiConn("e397u-53");
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    private static void assertNothingHeld() {
        assertEquals(0, box.sandbox.emulator().liveSessions(), "data session");
        assertEquals(0, box.sandbox.emulator().liveClientIds(), "client ids");
    }

    /** --dns dhcpcd: the backend that keeps the marker block in resolv.conf.head, the file these cases damage. */
    private static void up() {
        CommandResult r = box.qmiConn("up", "--apn", APN, "--timeout", "20s", "--dns", "dhcpcd");
        assertEquals(0, r.exitCode(), show(r));
    }

    private static void assertOneLine(ExitCode code, String contains, CommandResult r) {
        assertEquals(code.code(), r.exitCode(), show(r));
        assertEquals(1, r.stderr().lines().count(), show(r));
        assertTrue(r.stderr().contains(contains), show(r));
    }

    @Test
    void should_refuse_an_interface_that_is_not_the_modems_and_flush_nothing_without_a_session() {
        box.run("ip", "addr", "add", "192.0.2.9/24", "dev", "wwan0");
        try {
            assertOneLine(ExitCode.BAD_INPUT, "'lo' does not belong to /dev/cdc-wdm0 (its interface is wwan0",
                    box.qmiConn("up", "--apn", APN, "--iface", "lo"));
            assertOneLine(ExitCode.BAD_INPUT, "'lo' does not belong to /dev/cdc-wdm0",
                    box.qmiConn("down", "--iface", "lo"));
            CommandResult down = box.qmiConn("down");
            assertEquals(0, down.exitCode(), show(down));

            assertTrue(box.run("ip", "addr", "show", "dev", "lo").contains("inet 127.0.0.1/8"));
            assertTrue(box.run("ip", "addr", "show", "dev", "wwan0").contains("inet 192.0.2.9/24"),
                    "no session named wwan0: its address is not down's to remove");
            assertNothingHeld();
        } finally {
            box.run("ip", "addr", "flush", "dev", "wwan0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "garbage", "truncated"})
    void should_recover_from_a_damaged_state_file_and_release_every_client_id(String damage) throws Exception {
        up();
        Path state = box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.json");
        String json = Files.readString(state);
        Files.writeString(state, switch (damage) {
            case "empty" -> "";
            case "garbage" -> "\u0000\u00ff{{not json";
            default -> json.substring(0, json.indexOf("\"sessions\"") + 20);
        });

        CommandResult status = box.qmiConn("status");
        assertEquals(0, status.exitCode(), "connected, and status says so: " + show(status));
        assertTrue(status.stdout().contains("damaged state file"), show(status));

        CommandResult down = box.qmiConn("down");

        assertEquals(0, down.exitCode(), show(down));
        assertTrue(down.stdout().startsWith("state file /run/qmi-conn/cdc-wdm0.json was damaged ("), show(down));
        assertNothingHeld();
        assertFalse(Files.exists(state));
        assertTrue(Files.exists(state.resolveSibling("cdc-wdm0.json.damaged")));
        assertFalse(box.run("ip", "-4", "addr", "show", "dev", "wwan0").contains("inet "));
        assertFalse(box.run("cat", "/etc/resolv.conf.head").contains("qmi-conn"));
    }

    @Test
    void should_start_up_over_a_damaged_state_file() throws Exception {
        up();
        Files.writeString(box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.json"), "{\"device\" : \"/dev/cdc-");

        CommandResult again = box.qmiConn("up", "--apn", APN, "--timeout", "20s");

        assertEquals(0, again.exitCode(), show(again));
        assertEquals(3, box.sandbox.emulator().liveClientIds(), "only the new session's (WDS, kept NAS and UIM)");
        assertEquals(0, box.qmiConn("down").exitCode());
        assertNothingHeld();
    }

    @Test
    void should_bring_back_a_latin1_head_without_final_newline_byte_for_byte() throws Exception {
        byte[] user = "# caf\u00e9\nnameserver 1.1.1.1".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(box.sandbox.tmpDir().resolve("latin1-head"), user);
        box.run("cp", "/tmp/latin1-head", "/etc/resolv.conf.head");

        up();
        assertTrue(box.run("cat", "/etc/resolv.conf.head").contains("nameserver 10.177.0.34"));
        CommandResult down = box.qmiConn("down");

        assertEquals(0, down.exitCode(), show(down));
        assertArrayEquals(user, Files.readAllBytes(box.sandbox.etcDir().resolve("resolv.conf.head")));
        assertNothingHeld();
        box.run("rm", "/etc/resolv.conf.head");
    }

    @Test
    void should_refuse_an_unusable_head_before_touching_the_modem() throws Exception {
        box.run("mkdir", "-p", "/tmp/head-dir");
        assertOneLine(ExitCode.BAD_INPUT, "cannot read /tmp/head-dir: Is a directory",
                box.qmiConn("up", "--apn", APN, "--dns", "dhcpcd", "--resolv-head", "/tmp/head-dir"));
        Files.writeString(box.sandbox.tmpDir().resolve("begin-only"), DnsBlock.begin("cdc-wdm0") + "\n");
        assertOneLine(ExitCode.BAD_INPUT, "malformed qmi-conn block in /tmp/begin-only line 1",
                box.qmiConn("up", "--apn", APN, "--dns", "dhcpcd", "--resolv-head", "/tmp/begin-only"));
        assertNothingHeld();
        assertEquals(0, box.sandbox.emulator().session().stream().count());

        CommandResult down = box.qmiConn("down", "--resolv-head", "/tmp/begin-only");
        assertEquals(0, down.exitCode(), "a BEGIN down never wrote does not block it: " + show(down));
        assertEquals(DnsBlock.begin("cdc-wdm0") + "\n", box.run("cat", "/tmp/begin-only"));
    }

    @Test
    void should_remove_a_temp_file_a_killed_writer_left_on_the_next_write() throws Exception {
        String stale = "/etc/.resolv.conf.head.4194303-12345.tmp"; // above any pid_max default: never running
        box.run("sh", "-c", "echo half > " + stale);

        up();

        assertFalse(Files.exists(box.sandbox.etcDir().resolve(stale.substring("/etc/".length()))));
        assertEquals(0, box.qmiConn("down").exitCode());
        assertNothingHeld();
    }

    @Test
    void should_say_what_is_wrong_with_a_state_dir_a_profile_and_a_non_root_status() throws Exception {
        assertOneLine(ExitCode.BAD_INPUT, "--state-dir /etc/passwd is not a directory",
                box.qmiConn("up", "--apn", APN, "--state-dir", "/etc/passwd"));
        assertOneLine(ExitCode.BAD_INPUT, "--state-dir /etc/passwd is not a directory",
                box.qmiConn("down", "--state-dir", "/etc/passwd"));
        // the QMI path without an APN asks the provider database; the AT path has only the profile to go by
        assertOneLine(ExitCode.BAD_INPUT, "/nonexistent.conf (that file does not exist)",
                box.qmiConn("up", "--method", "at", "--profile", "/nonexistent.conf"));

        up();
        CommandResult r = box.sandbox.exec(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "qmi-conn", "status"), java.time.Duration.ofSeconds(60));
        assertOneLine(ExitCode.FAILURE, "/run/qmi-conn/cdc-wdm0.json: permission denied", r);
        assertTrue(r.stderr().contains("run this as root, or start the qmi-conn service, which answers members of "
                + "the group qmi-conn"), show(r));
        assertEquals(0, box.qmiConn("down").exitCode());
        assertNothingHeld();
    }

    @Test
    void should_release_leaked_client_ids_with_the_recovery_troubleshooting_gives() throws Exception {
        for (int i = 0; i < 3; i++) {
            box.run("qmicli", "-d", "/dev/cdc-wdm0", "--wds-noop", "--client-no-release-cid");
        }
        assertEquals(3, box.sandbox.emulator().liveClientIds());
        Matcher m = Pattern.compile("(?m)^sudo (qmicli -d /dev/cdc-wdm0 [^\\n#]*?)\\s*$")
                .matcher(Files.readString(Path.of("docs/TROUBLESHOOTING.md")));
        assertTrue(m.find(), "TROUBLESHOOTING's recovery command");

        box.run(m.group(1).split(" "));

        assertNothingHeld();
    }
}
