package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;
import picocli.CommandLine;

/**
 * The whole AT bring-up with real socat, stty and ip: the address ends up on a veth named wwan0 inside a
 * network namespace this test creates (unique name) and deletes; the host's network is never touched.
 */
@RealTools({"socat", "stty", "ip"})
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtNamespaceRealToolsTest {

    private final CommandRunner exec = new ExecRunner();
    private final String ns = "qc" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "at";
    private CommandRunner confined;

    @TempDir
    Path root;

    @BeforeEach
    void createNamespace() {
        exec.run(CommandSpec.of("ip", "netns", "add", ns)).orThrow();
        confined = new NetnsIpRunner(exec, ns);
        confined.run(CommandSpec.of("ip", "link", "add", "wwan0", "type", "veth", "peer", "name", "wwan0peer"))
                .orThrow();
    }

    @AfterEach
    void deleteNamespace() {
        exec.run(CommandSpec.of("ip", "netns", "del", ns));
    }

    private String ip(String... args) {
        String[] argv = new String[args.length + 3];
        argv[0] = "ip";
        argv[1] = "-n";
        argv[2] = ns;
        System.arraycopy(args, 0, argv, 3, args.length);
        return exec.run(CommandSpec.of(argv)).orThrow().stdout();
    }

    private int qmiConn(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine(new AppContext(confined, Clock.systemUTC(), Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void should_connect_with_ndisdup_and_put_the_dhcp_address_on_wwan0_then_remove_it() {
        try (AtPty pty = new AtPty(exec, root, "ttyUSB0", AtScenario.e397u53())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = qmiConn(out, err, "at", "connect", "--apn", "fp.com.attz", "--root", root.toString());
            assertEquals(0, exit, err.toString());
            assertEquals("connected: 10.0.0.1/30 on wwan0 via 10.0.0.2, DNS 8.8.8.8 8.8.4.4\n", out.toString());
            assertTrue(ip("-4", "addr", "show", "dev", "wwan0").contains("inet 10.0.0.1/30 "));
            assertTrue(ip("-4", "route", "show", "default").contains("default via 10.0.0.2 dev wwan0"));
            assertTrue(pty.emulator.modem().sessionUp());

            int down = qmiConn(new StringWriter(), err, "at", "disconnect", "--root", root.toString());
            assertEquals(0, down, err.toString());
            assertFalse(pty.emulator.modem().sessionUp());
            assertFalse(ip("-4", "addr", "show", "dev", "wwan0").contains("inet "));
            assertEquals("", ip("-4", "route", "show", "default"));
        }
    }

    @Test
    void should_apply_a_decoded_line_with_an_onlink_route() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = qmiConn(out, err, "at", "decode-dhcp", "--apply", "wwan0",
                "^DHCP: 0x2A4D400A,0xFFFFFFFF,0x2B4D400A,0x2B4D400A,0x0101A8C0,0x0201A8C0,21600000,5760000");
        assertEquals(0, exit, err.toString());
        assertTrue(ip("-4", "addr", "show", "dev", "wwan0").contains("inet 10.64.77.42/32 "));
        assertTrue(ip("-4", "route", "show", "default").contains("default via 10.64.77.43 dev wwan0 onlink"));
    }

    @Test
    void should_bring_up_from_the_packaged_launcher_inside_the_namespace() {
        Path home = Path.of(System.getenv().getOrDefault("QMI_CONN_HOME", "")).toAbsolutePath();
        try (AtPty pty = new AtPty(exec, root, "ttyUSB0", AtScenario.e397u53().withEcho(false))) {
            CommandResult r = exec.run(CommandSpec.of("ip", "netns", "exec", ns,
                    home.resolve("bin/qmi-conn").toString(), "at", "connect", "--apn", "fp.com.attz",
                    "--port", "auto", "--root", root.toString()).withTimeout(Duration.ofSeconds(20)));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("connected: 10.0.0.1/30 on wwan0 via 10.0.0.2, DNS 8.8.8.8 8.8.4.4\n", r.stdout());
            assertTrue(ip("-4", "addr", "show", "dev", "wwan0").contains("inet 10.0.0.1/30 "));
            assertTrue(pty.emulator.modem().sessionUp());
        }
    }
}
