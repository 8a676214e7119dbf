package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

import picocli.CommandLine;

/**
 * A scenario that cannot be loaded is bad input (exit 3, one line), not a sandbox failure. The scenario is loaded
 * while the sandbox is built, after its root check, so this needs the real-tool tier.
 */
@RealTools({"socat", "dnsmasq", "ip", "nsenter", "unshare"})
class SimulateScenarioErrorTest {

    private final StringWriter err = new StringWriter();

    private int simulate(String scenario) {
        CommandLine cl = Main.commandLine(new AppContext(new ExecRunner(), Clock.systemUTC(), Map.of()));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute("simulate", "--scenario", scenario, "--", "true");
    }

    private void assertBadInput(int exit, String expected) {
        assertEquals(ExitCode.BAD_INPUT.code(), exit, err.toString());
        assertTrue(err.toString().startsWith("qmi-conn: simulate: "), err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void should_exit_bad_input_for_a_missing_scenario_file() {
        assertBadInput(simulate("/nonexistent-qmi-conn-scenario.json"), "scenario file not found");
    }

    @Test
    void should_exit_bad_input_for_an_unknown_scenario_name() {
        assertBadInput(simulate("no-such-scenario"), "unknown scenario 'no-such-scenario'");
    }

    @Test
    void should_exit_bad_input_for_a_scenario_file_that_is_not_json(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{ not json");
        assertBadInput(simulate(file.toString()), "bad scenario");
    }
}
