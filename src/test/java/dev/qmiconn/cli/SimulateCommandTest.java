package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.StandInModem;
import dev.qmiconn.testing.RealTools;
import picocli.CommandLine;

/** simulate runs the command inside, passes its output through and exits with its code. */
@RealTools({"socat", "dnsmasq", "ip", "nsenter", "unshare"})
class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int simulate(String... args) {
        AppContext context = new AppContext(new ExecRunner(), Clock.systemUTC(), Map.of());
        CommandLine cl = new CommandLine(new SimulateCommand(context, StandInModem::start));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void should_exit_with_the_commands_exit_code_and_pass_its_output_through() {
        // a test may fake a program with sh -c; here it reports what it sees inside the sandbox
        int exit = simulate("--scenario", "stand-in", "--", "sh", "-c",
                "ls /sys/class/net; test -c /dev/cdc-wdm0 && echo device; echo oops >&2; exit 7");
        assertEquals(7, exit, err.toString());
        assertEquals("lo\nwwan0\ndevice\n", out.toString());
        assertEquals("oops\n", err.toString());
    }

    @Test
    void should_pass_the_exit_code_127_of_a_missing_command() {
        int exit = simulate("--scenario", "stand-in", "--", "no-such-program-qmi-conn");
        assertEquals(127, exit);
        assertTrue(err.toString().contains("no-such-program-qmi-conn"), err.toString());
    }

    @Test
    void should_split_commands_on_a_lone_plus_only() {
        assertEquals(java.util.List.of(java.util.List.of("qmi-conn", "up", "--apn", "a+b"),
                        java.util.List.of("date", "+%s")),
                SimulateCommand.splitOnPlus(java.util.List.of("qmi-conn", "up", "--apn", "a+b", "+", "date", "+%s",
                        "+")));
    }

    @Test
    void should_refuse_a_reply_latency_qmicli_would_time_out_on_before_building_anything() {
        AppContext context = new AppContext(new ExecRunner(), Clock.systemUTC(), Map.of());
        SimulateCommand simulate = new SimulateCommand(context, StandInModem::start);
        new CommandLine(simulate).parseArgs("--scenario", "stand-in", "--reply-latency", "6s", "--", "true");
        dev.qmiconn.error.QmiConnException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.qmiconn.error.QmiConnException.class, simulate::call);
        assertEquals(dev.qmiconn.error.ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("--reply-latency must be at most 5000ms"), e.getMessage());
    }
}
