package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.testing.RealTools;

/**
 * The whole AT bring-up with real socat, stty and ip: the address ends up on a veth named wwan0 inside a
 * network namespace this test creates (unique name) and deletes; the host's network is never touched.
 */
@RealTools({"socat", "stty", "ip"})
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtNamespaceRealToolsTest {

    private WwanNamespace wwan;

    @TempDir
    Path root;

    @BeforeEach
    void createNamespace() {
        wwan = new WwanNamespace();
    }

    @AfterEach
    void deleteNamespace() {
        if (wwan != null) {
            wwan.close();
        }
    }

    @Test
    void should_connect_with_ndisdup_and_put_the_dhcp_address_on_wwan0_then_remove_it() {
        try (AtPty pty = new AtPty(wwan.exec, root, "ttyUSB0", AtScenario.e397u53())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = wwan.qmiConn(out, err, "at", "connect", "--apn", "fp.com.attz", "--root", root.toString());
            assertEquals(0, exit, err.toString());
            assertEquals("connected: 10.0.0.1/30 on wwan0 via 10.0.0.2, DNS 8.8.8.8 8.8.4.4\n", out.toString());
            assertTrue(wwan.ip("-4", "addr", "show", "dev", "wwan0").contains("inet 10.0.0.1/30 "));
            assertTrue(wwan.ip("-4", "route", "show", "default").contains("default via 10.0.0.2 dev wwan0"));
            assertTrue(pty.emulator.modem().sessionUp());

            int down = wwan.qmiConn(new StringWriter(), err, "at", "disconnect", "--root", root.toString());
            assertEquals(0, down, err.toString());
            assertFalse(pty.emulator.modem().sessionUp());
            assertFalse(wwan.ip("-4", "addr", "show", "dev", "wwan0").contains("inet "));
            assertEquals("", wwan.ip("-4", "route", "show", "default"));
        }
    }

    @Test
    void should_apply_a_decoded_line_with_an_onlink_route() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = wwan.qmiConn(out, err, "at", "decode-dhcp", "--apply", "wwan0",
                "^DHCP: 0x2A4D400A,0xFFFFFFFF,0x2B4D400A,0x2B4D400A,0x0101A8C0,0x0201A8C0,21600000,5760000");
        assertEquals(0, exit, err.toString());
        assertTrue(wwan.ip("-4", "addr", "show", "dev", "wwan0").contains("inet 10.64.77.42/32 "));
        assertTrue(wwan.ip("-4", "route", "show", "default").contains("default via 10.64.77.43 dev wwan0 onlink"));
    }

    @Test
    void should_bring_up_from_the_packaged_launcher_inside_the_namespace() {
        Path home = Path.of(System.getenv().getOrDefault("QMI_CONN_HOME", "")).toAbsolutePath();
        try (AtPty pty = new AtPty(wwan.exec, root, "ttyUSB0", AtScenario.e397u53().withEcho(false))) {
            CommandResult r = wwan.exec.run(CommandSpec.of("ip", "netns", "exec", wwan.name,
                    home.resolve("bin/qmi-conn").toString(), "at", "connect", "--apn", "fp.com.attz",
                    "--port", "auto", "--root", root.toString()).withTimeout(Duration.ofSeconds(20)));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("connected: 10.0.0.1/30 on wwan0 via 10.0.0.2, DNS 8.8.8.8 8.8.4.4\n", r.stdout());
            assertTrue(wwan.ip("-4", "addr", "show", "dev", "wwan0").contains("inet 10.0.0.1/30 "));
            assertTrue(pty.emulator.modem().sessionUp());
        }
    }
}
