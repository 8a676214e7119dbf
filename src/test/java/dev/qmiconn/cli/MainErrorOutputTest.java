package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ReplayingRunner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import picocli.CommandLine;

/** Every failure is one line on stderr; the stack trace goes to the log at DEBUG only (-v), never at ERROR. */
class MainErrorOutputTest {

    @TempDir
    Path tmp;

    private final Logger mainLog = (Logger) LoggerFactory.getLogger(Main.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    private record Run(int exit, String err) {
    }

    @BeforeEach
    void captureLog() {
        levelBefore = mainLog.getLevel();
        Logs.verbose(true); // as -v does; Main's own logger alone is lowered, so other tests' loggers stay quiet
        mainLog.setLevel(Level.DEBUG);
        logged.start();
        mainLog.addAppender(logged);
    }

    @AfterEach
    void restoreLog() {
        mainLog.detachAppender(logged);
        mainLog.setLevel(levelBefore);
        Logs.verbose(false);
    }

    private Run run(String... args) {
        return run(new ReplayingRunner(List.of()), args);
    }

    private Run run(CommandRunner runner, String... args) {
        CommandLine cl = Main.commandLine(new AppContext(runner, Clock.systemUTC(), Map.of()));
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), err.toString());
    }

    private String[] connectPaths(String command, Path resolvHead) {
        return new String[] {command, "--state-dir", tmp.resolve("run").toString(), "--resolv-head",
            resolvHead.toString(), "--sysfs-root", tmp.toString(), "--qmi-network-state-dir", tmp.toString()};
    }

    private void assertNoErrorLogged() {
        assertTrue(logged.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)),
                "nothing at ERROR: " + logged.list);
    }

    @Test
    void should_say_an_unknown_option_and_where_help_is_in_one_line() {
        Run r = run("--bogus");

        assertEquals(ExitCode.USAGE.code(), r.exit());
        assertEquals("qmi-conn: Unknown option: '--bogus' (see 'qmi-conn --help')\n", r.err());
    }

    @Test
    void should_refuse_a_directory_as_resolv_head_in_one_line_naming_it() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc"));

        Run r = run(connectPaths("down", dir));

        assertEquals(ExitCode.BAD_INPUT.code(), r.exit(), r.err());
        assertEquals("qmi-conn: cannot read " + dir + ": Is a directory\n", r.err());
        assertNoErrorLogged();
    }

    @Test
    void should_print_an_internal_error_in_one_line_and_log_its_stack_trace_at_debug_only() {
        CommandRunner broken = new CommandRunner() { // a bug in qmi-conn, as the handler sees one
            @Override
            public CommandResult run(CommandSpec spec) {
                throw new IllegalStateException("a bug\nwith a second line");
            }

            @Override
            public BackgroundProcess start(CommandSpec spec) {
                throw new IllegalStateException("a bug");
            }
        };
        List<String> args = new java.util.ArrayList<>(List.of(connectPaths("up", tmp.resolve("head"))));
        args.addAll(List.of("--device", "/dev/null", "--apn", "fast.metropcs.com", "--profile",
                tmp.resolve("none.conf").toString()));

        Run r = run(broken, args.toArray(String[]::new));

        assertEquals(ExitCode.INTERNAL.code(), r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("qmi-conn: internal error: java.lang.IllegalStateException: a bug (please report it with the -v"
                + " output)\n", r.err());
        assertNoErrorLogged();
        assertTrue(logged.list.stream().anyMatch(e -> e.getLevel() == Level.DEBUG && e.getThrowableProxy() != null),
                "-v shows the stack trace: " + logged.list);
    }
}
