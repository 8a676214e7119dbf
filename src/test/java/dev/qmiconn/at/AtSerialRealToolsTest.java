package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;
import picocli.CommandLine;

/** The real serial code (stty through the seam, the device file from Java) over a raw pty made by socat. */
@RealTools({"socat", "stty"})
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang is a bug
class AtSerialRealToolsTest {

    private final CommandRunner runner = new ExecRunner();

    @TempDir
    Path root;

    record Run(int exit, String out, String err, long millis) {
    }

    private Run qmiConn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new AppContext(runner, Clock.systemUTC(), Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        long start = System.nanoTime();
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void should_send_a_command_and_print_the_answer_without_the_echo() {
        try (AtPty pty = new AtPty(runner, root, "ttyUSB0", AtScenario.e397u53())) {
            Run r = qmiConn("at", "send", "ATI", "--root", root.toString());
            assertEquals(0, r.exit(), r.err());
            assertEquals("Manufacturer: huawei\nModel: E397u-53\nRevision: 11.810.09.00.00\n"
                    + "IMEI: 860000000000000\n+GCAP: +CGSM,+DS,+ES\nOK\n", r.out());
            Run unknown = qmiConn("at", "send", "AT^NOSUCH", "--root", root.toString());
            assertEquals(6, unknown.exit());
            assertEquals("COMMAND NOT SUPPORT\n", unknown.out());
            assertEquals("qmi-conn: the modem answered COMMAND NOT SUPPORT to AT^NOSUCH (this firmware does not "
                    + "know the command)\n", unknown.err());
            assertEquals(2, pty.emulator.modem().commandsSeen(), "one command line per run, nothing else");
        }
    }

    @Test
    void should_show_status_not_connected_then_connected() {
        AtScenario quick = AtScenario.e397u53().withConnectDelay(Duration.ZERO);
        try (AtPty pty = new AtPty(runner, root, "ttyUSB0", quick)) {
            Run down = qmiConn("at", "status", "--root", root.toString());
            assertEquals(12, down.exit(), down.err());
            assertEquals("port      " + pty.device + "\nsession   disconnected (IPV4)\n"
                    + "signal    -77 dBm, 3/4 bars (good)\noperator  AT&T (LTE)\n", down.out());
            assertEquals(0, qmiConn("at", "send", "AT^NDISDUP=1,1,\"fp.com.attz\"", "--root", root.toString())
                    .exit());
            Run up = qmiConn("at", "status", "--root", root.toString());
            assertEquals(0, up.exit(), up.err());
            assertTrue(up.out().endsWith("session   connected (IPV4)\nsignal    -77 dBm, 3/4 bars (good)\n"
                    + "operator  AT&T (LTE)\naddress   10.0.0.1/30\ngateway   10.0.0.2\ndns       8.8.8.8 8.8.4.4\n"),
                    up.out());
        }
    }

    @Test
    void should_read_the_session_from_dhcp_on_firmware_without_ndisstatqry() {
        AtScenario old = AtScenario.e397u53().withUnsupported("AT^NDISSTATQRY").withConnectDelay(Duration.ZERO);
        try (AtPty pty = new AtPty(runner, root, "ttyUSB0", old)) {
            Run down = qmiConn("at", "status", "--root", root.toString());
            assertEquals(12, down.exit(), down.err());
            assertTrue(down.out().contains("session   disconnected (from AT^DHCP?)\n"), down.out());
            Run up = qmiConn("at", "send", "AT^NDISDUP=1,1,\"fp.com.attz\"", "--root", root.toString());
            assertEquals(0, up.exit(), up.err());
            Run now = qmiConn("at", "status", "--root", root.toString());
            assertEquals(0, now.exit(), now.err());
            assertTrue(now.out().contains("session   connected (from AT^DHCP?)\n"), now.out());
            assertTrue(now.out().endsWith("address   10.0.0.1/30\ngateway   10.0.0.2\ndns       8.8.8.8 8.8.4.4\n"),
                    now.out());
            assertTrue(pty.emulator.modem().sessionUp());
        }
    }

    @Test
    void should_turn_cme_errors_into_clear_messages_and_exit_codes() {
        AtScenario noSim = AtScenario.e397u53().withSim(AtScenario.Sim.ABSENT);
        try (AtPty pty = new AtPty(runner, root, "ttyUSB0", noSim)) {
            Run r = qmiConn("at", "status", "--root", root.toString());
            assertEquals(7, r.exit());
            assertEquals("qmi-conn: the modem answered +CME ERROR: 10 (SIM not inserted) to AT+COPS?\n", r.err());
            // status left CMEE=1 on the modem, as a real one keeps it; ATZ restores the bare ERROR
            assertEquals(0, qmiConn("at", "send", "ATZ", "--root", root.toString()).exit());
            Run plain = qmiConn("at", "send", "AT+COPS?", "--root", root.toString());
            assertEquals(6, plain.exit());
            assertEquals("ERROR\n", plain.out());
            assertEquals("qmi-conn: the modem answered ERROR to AT+COPS? (a bad command, or one the modem refuses "
                    + "in its current state)\n", plain.err());
            assertFalse(pty.emulator.modem().sessionUp());
        }
    }

    @Test
    void should_wait_for_a_slow_modem_and_give_up_on_a_silent_one() {
        AtScenario slow = AtScenario.e397u53().withReplyDelay(Duration.ofMillis(1200)).withSilent("AT+COPS");
        try (AtPty pty = new AtPty(runner, root, "ttyUSB0", slow)) {
            Run r = qmiConn("at", "send", "AT+CSQ", "--root", root.toString(), "--reply-timeout", "3");
            assertEquals(0, r.exit(), r.err());
            assertEquals("+CSQ: 18,99\nOK\n", r.out());
            assertTrue(r.millis() >= 1200, r.millis() + " ms");
            Run silent = qmiConn("at", "send", "AT+COPS?", "--root", root.toString(), "--reply-timeout", "0.5");
            assertEquals(6, silent.exit());
            assertTrue(silent.err().startsWith("qmi-conn: no answer to AT+COPS? on " + pty.device
                    + " within 0.5 s"), silent.err());
            assertTrue(silent.millis() < 3000, silent.millis() + " ms");
        }
    }

    @Test
    void should_find_the_port_that_answers_at() {
        AtScenario deaf = AtScenario.e397u53().withSilent("AT"); // like the E397u-53's diagnostics port
        try (AtPty diag = new AtPty(runner, root, "ttyUSB0", deaf);
             AtPty modem = new AtPty(runner, root, "ttyUSB1", AtScenario.e397u53())) {
            Run r = qmiConn("at", "status", "--root", root.toString(), "--port", "auto");
            assertEquals(12, r.exit(), r.err());
            assertTrue(r.out().startsWith("port      " + modem.device + "\n"), r.out());
            assertTrue(diag.emulator.modem().commandsSeen() >= 1, "ttyUSB0 was tried first");
        }
    }
}
