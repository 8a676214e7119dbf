package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * Scenario roaming (a MetroPCS SIM registered on Rogers, roaming indicator on), with the real tools: {@code up}
 * refuses when roaming is denied and connects when allowed (the default without a cap); {@code ensure} with a
 * cap denies by default.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class RoamingSandboxTest {

    private static SandboxedQmiConn box;

    @BeforeAll
    static void start() {
        box = new SandboxedQmiConn("roaming");
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void should_refuse_up_while_roaming_is_denied_with_its_own_exit_code_and_no_client_id_left() {
        CommandResult up = box.qmiConn("up", "--apn", "fast.metropcs.com", "--roaming", "deny", "--timeout", "20s");

        assertEquals(ExitCode.ROAMING_DENIED.code(), up.exitCode(), show(up));
        assertEquals(1, up.stderr().lines().count(), show(up));
        assertTrue(up.stderr().startsWith("qmi-conn: registered roaming on Rogers (302/720) and roaming is denied"),
                up.stderr());
        assertEquals(0, box.sandbox.emulator().liveSessions());
        assertEquals(0, box.sandbox.emulator().liveClientIds());
    }

    @Test
    void should_connect_while_roaming_when_allowed_which_is_the_default_without_a_cap() {
        CommandResult up = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s");
        try {
            assertEquals(0, up.exitCode(), show(up));
            assertTrue(up.stdout().contains("roaming"), up.stdout());
            assertEquals(1, box.sandbox.emulator().liveSessions());
        } finally {
            assertEquals(0, box.qmiConn("down").exitCode());
        }
    }

    @Test
    void should_show_the_roaming_guards_verdict_in_status() {
        CommandResult json = box.qmiConn("status", "--json", "--roaming", "deny");
        assertTrue(json.stdout().contains("\"roaming_guard\" : {\n    \"network\" : \"roaming\",\n    \"policy\" : "
                + "\"deny\",\n    \"decision\" : \"stay-down\"\n  }"), json.stdout());
        CommandResult text = box.qmiConn("status", "--roaming", "allow");
        assertTrue(text.stdout().contains("  roaming:      roaming, roaming allowed: may connect"), text.stdout());
    }

    @Test
    void should_deny_roaming_by_default_once_a_cap_is_set() {
        CommandResult ensure = box.sandbox.exec(List.of("qmi-conn", "ensure", "--apn", "fast.metropcs.com",
                "--cap", "200MB", "--timeout", "20s"), Duration.ofSeconds(60));

        assertEquals(ExitCode.ROAMING_DENIED.code(), ensure.exitCode(), show(ensure));
        assertEquals(0, box.sandbox.emulator().liveSessions());
        assertEquals(0, box.sandbox.emulator().liveClientIds());
    }
}
