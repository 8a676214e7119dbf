package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.ExecRunner;

import picocli.CommandLine;

/**
 * {@code simulate --plug-in-here} changes the system it runs on, so it refuses before touching anything: with a
 * command, and anywhere that is not a container booted with systemd (the booted-system tier runs it for real).
 */
class SimulatePlugInHereTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int simulate(String... args) {
        CommandLine cl = Main.commandLine(new AppContext(new ExecRunner(), Clock.systemUTC(), Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void should_refuse_a_command_with_plug_in_here_as_bad_input() {
        int exit = simulate("simulate", "--plug-in-here", "--", "true");
        assertEquals(ExitCode.BAD_INPUT.code(), exit, err.toString());
        assertTrue(err.toString().startsWith("qmi-conn: simulate: --plug-in-here takes no COMMAND"), err.toString());
    }

    @Test
    void should_refuse_to_plug_in_outside_a_container_in_one_line_and_change_nothing() {
        // on a systemd container this would really plug the modem in: that is the container tier's job
        Assumptions.assumeFalse(Files.exists(Path.of("/run/systemd/container")), "running inside a container");
        int exit = simulate("simulate", "--plug-in-here");
        assertEquals(ExitCode.FAILURE.code(), exit, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--plug-in-here"), err.toString());
        assertEquals("", out.toString());
        assertTrue(Files.notExists(Path.of("/run/qmi-conn-plugged")));
    }
}
