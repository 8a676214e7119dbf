package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.ReplayingRunner;
import picocli.CommandLine;

/** A start builds only the invoked command's model; help and unknown words still see the whole tree. */
class InvokedCommandTreeTest {

    private static AppContext context() {
        return new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(), Map.of());
    }

    @Test
    void should_build_only_the_named_subcommand_after_global_options() {
        CommandLine cl = Main.commandLine(context(), new String[] {"--record", "/tmp/x", "-v", "status", "--json"});
        assertEquals(Set.of("status"), cl.getSubcommands().keySet());
        assertEquals(Set.of("down"), Main.commandLine(context(), new String[] {"down"}).getSubcommands().keySet());
    }

    @Test
    void should_build_the_whole_tree_for_help_nothing_and_unknown_words() {
        Set<String> all = Main.commandLine(context()).getSubcommands().keySet();
        assertEquals(RootCommand.SUBCOMMANDS.size(), all.size());
        for (String[] args : List.of(new String[] {"help", "status"}, new String[] {}, new String[] {"--help"},
                new String[] {"stat"}, new String[] {"--", "status"})) {
            assertEquals(all, Main.commandLine(context(), args).getSubcommands().keySet(), String.join(" ", args));
        }
    }

    @Test
    void should_keep_inherited_options_and_the_error_handler_on_the_lone_subcommand() {
        StringWriter err = new StringWriter();
        String[] args = {"status", "-v", "--device", "/dev/cdc-wdm97"};
        CommandLine cl = Main.commandLine(context(), args);
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        Logging.setVerbose(false);
        assertEquals(ExitCode.DEVICE_MISSING.code(), exit, err.toString());
        assertTrue(err.toString().startsWith("qmi-conn: /dev/cdc-wdm97 does not exist"), err.toString());
    }
}
