package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import picocli.CommandLine;

/** The real picocli tree against a replaying runner: exact stdout, stderr and exit code. */
class AtDecodeDhcpCommandTest {

    private static final String GUIDE =
            "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000";

    record Run(int exit, String out, String err) {
    }

    static Run run(ReplayingRunner runner, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new AppContext(runner, Clock.systemUTC(), Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void should_print_the_table_and_the_ip_commands_offline() throws Exception {
        try (ReplayingRunner none = new ReplayingRunner(List.of())) {
            Run r = run(none, "at", "decode-dhcp", GUIDE);
            assertEquals(0, r.exit(), r.err());
            assertEquals(Files.readString(Path.of("test-fixtures/at/dhcp/freedompop.txt")), r.out());
            assertEquals("", r.err());
        }
    }

    @Test
    void should_print_json() throws Exception {
        try (ReplayingRunner none = new ReplayingRunner(List.of())) {
            Run r = run(none, "at", "decode-dhcp", "--json", GUIDE);
            assertEquals(0, r.exit(), r.err());
            assertEquals(Files.readString(Path.of("test-fixtures/at/dhcp/freedompop.json")), r.out());
        }
    }

    @Test
    void should_refuse_a_malformed_line_with_one_line_and_exit_3() {
        try (ReplayingRunner none = new ReplayingRunner(List.of())) {
            Run r = run(none, "at", "decode-dhcp", "^DHCP:0100000a,fcffffff");
            assertEquals(3, r.exit());
            assertEquals("", r.out());
            assertEquals("qmi-conn: malformed ^DHCP line '^DHCP:0100000a,fcffffff': expected 8 comma-separated "
                    + "fields, found 2\n", r.err());
        }
    }

    @Test
    void should_apply_with_ip_argv_and_no_shell() {
        try (ReplayingRunner ip = new ReplayingRunner(List.of(
                Transcript.of(List.of("ip", "link", "set", "dev", "wwan1", "up"), 0, "", ""),
                Transcript.of(List.of("ip", "-4", "addr", "flush", "dev", "wwan1"), 0, "", ""),
                Transcript.of(List.of("ip", "-4", "addr", "add", "10.0.0.1/30", "dev", "wwan1"), 0, "", ""),
                Transcript.of(List.of("ip", "-4", "route", "replace", "default", "via", "10.0.0.2", "dev", "wwan1"),
                        0, "", "")))) {
            Run r = run(ip, "at", "decode-dhcp", "--apply", "wwan1", GUIDE);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("  ip -4 addr add 10.0.0.1/30 dev wwan1\n"), r.out());
            assertTrue(r.out().endsWith("applied to wwan1\n"), r.out());
        }
    }

    @Test
    void should_refuse_a_bad_interface_before_running_anything() {
        try (ReplayingRunner none = new ReplayingRunner(List.of())) {
            Run r = run(none, "at", "decode-dhcp", "--apply", "wwan0;reboot", GUIDE);
            assertEquals(3, r.exit());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("qmi-conn: invalid interface name 'wwan0;reboot'"), r.err());
        }
    }

    @Test
    void should_refuse_a_command_with_a_line_break_before_opening_the_port() {
        try (ReplayingRunner none = new ReplayingRunner(List.of())) {
            Run r = run(none, "at", "send", "AT\rAT+CFUN=0", "--port", "/dev/ttyUSB0");
            assertEquals(3, r.exit());
            assertEquals("qmi-conn: AT command 'AT\\x0dAT+CFUN=0' contains control or non-ASCII characters; "
                    + "give exactly one command line\n", r.err());
        }
    }

    @Test
    void should_say_the_port_is_missing(@org.junit.jupiter.api.io.TempDir Path root) {
        try (ReplayingRunner none = new ReplayingRunner(List.of())) {
            Run r = run(none, "at", "status", "--root", root.toString(), "--port", "/dev/ttyUSB0");
            assertEquals(4, r.exit());
            assertTrue(r.err().startsWith("qmi-conn: AT port " + root + "/dev/ttyUSB0 does not exist"), r.err());
            Run auto = run(none, "at", "status", "--root", root.toString(), "--port", "auto");
            assertEquals(4, auto.exit());
            assertEquals("qmi-conn: no ttyUSB port under " + root + "/dev (is the modem plugged in and in modem "
                    + "mode?)\n", auto.err());
        }
    }
}
