package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.process.ReplayingRunner;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A new user's first move is COMMAND --help: every command in the tree answers it, and -h, with exit 0. */
class HelpEverywhereTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(), Map.of()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private static void commands(CommandSpec spec, List<String> path, List<List<String>> into) {
        into.add(path);
        spec.subcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !(sub.getCommandSpec().userObject()
                    instanceof CommandLine.HelpCommand)) {
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                commands(sub.getCommandSpec(), longer, into);
            }
        });
    }

    @Test
    void should_answer_help_and_h_with_usage_and_exit_0_for_every_command() {
        List<List<String>> all = new ArrayList<>();
        commands(Main.commandLine(AppContext.production()).getCommandSpec(), List.of(), all);
        assertTrue(all.stream().anyMatch(p -> p.equals(List.of("simulate"))), all.toString());
        for (List<String> command : all) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                Run r = run(args.toArray(String[]::new));
                assertEquals(0, r.exit(), args + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: qmi-conn"), args + ": " + r.out());
                assertEquals("", r.err(), args.toString());
            }
        }
    }

    @Test
    void should_list_every_shipped_scenario_in_simulates_help() {
        Run r = run("simulate", "--help");

        String flat = r.out().replaceAll("\\s+", " ");
        for (String name : Scenario.BUILT_IN) {
            assertTrue(flat.contains(name), name + " missing from: " + r.out());
        }
        assertTrue(flat.contains(String.join(", ", Scenario.BUILT_IN)), r.out());
    }
}
