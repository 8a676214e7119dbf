package dev.qmiconn.dns;

import java.time.Duration;
import java.util.List;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/** resolvectl, resolvconf and nmcli calls: short, bounded, failures carry the program's own words. */
final class ProgramCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private ProgramCalls() {
    }

    static CommandResult run(CommandRunner runner, List<String> argv, String stdin) {
        return runner.run(new CommandSpec(argv, TIMEOUT, null, stdin));
    }

    /** Runs and throws a one-line error naming the program and its stderr when it fails. */
    static void mustRun(CommandRunner runner, List<String> argv, String stdin, String fix) {
        CommandResult r = run(runner, argv, stdin);
        if (!r.succeeded()) {
            ExitCode code = r.exitCode() == 127 ? ExitCode.TOOL_MISSING : ExitCode.FAILURE;
            throw new QmiConnException(code, "could not hand the DNS servers over: " + describe(r) + "; " + fix);
        }
    }

    /** "" when it worked, else "ARGV failed (exit N: stderr)". */
    static String problem(CommandRunner runner, List<String> argv, String stdin) {
        CommandResult r = run(runner, argv, stdin);
        return r.succeeded() ? "" : describe(r);
    }

    static String describe(CommandResult r) {
        String err = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip().lines().findFirst().orElse("");
        return String.join(" ", r.argv()) + " failed (" + (r.timedOut() ? "timed out" : "exit " + r.exitCode())
                + (err.isEmpty() ? "" : ": " + err) + ")";
    }
}
