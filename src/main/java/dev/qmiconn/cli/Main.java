package dev.qmiconn.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;

import org.slf4j.Logger;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandFailedException;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The program proper, after {@link Entry} found no service to answer the command. Builds the picocli tree with an {@link AppContext}, maps every failure to one line on stderr
 * and an {@link ExitCode}. The only place that calls {@code System.exit}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Entry has offered the command to a running service already
        AppContext context = AppContext.production();
        context.prefetched(StatusPrefetch.startIfPlain(args, context));
        System.exit(commandLine(context, args).execute(args));
    }

    /**
     * For a daemon command whose teardown is stuck past its bound (watch after a stop signal) and so cannot
     * return its code: exits now; shutdown hooks still run.
     */
    static void exitNow(ExitCode code) {
        System.exit(code.code());
    }

    private static Logger log() {
        return Logs.of(Main.class);
    }

    /** The full command tree wired to {@code context}; tests call this with a replaying runner. */
    public static CommandLine commandLine(AppContext context) {
        return commandLine(RootCommand.class, context, RootCommand.SUBCOMMANDS);
    }

    /**
     * The tree {@code args} need: the root with only the subcommand they name (its model is all picocli builds),
     * or the full tree for help, no subcommand, or a word that is none (so picocli's own errors and suggestions
     * stay as they were). The same parse and output either way.
     */
    static CommandLine commandLine(AppContext context, String[] args) {
        java.util.Optional<Class<?>> invoked = firstWord(args).filter(w -> !w.equals("help"))
                .flatMap(RootCommand::subcommand);
        if (invoked.isEmpty()) {
            return commandLine(context);
        }
        return commandLine(RootCommand.class, context, List.of(invoked.get()));
    }

    /** The first argument that is no option (the root's only option with a value is --record). */
    static java.util.Optional<String> firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--record")) {
                i++;
            } else if (a.equals("--")) {
                return java.util.Optional.empty();
            } else if (!a.startsWith("-")) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    /** One command's tree only (the service answers a request without building every command's model). */
    static CommandLine commandLine(Class<?> command, AppContext context) {
        return commandLine(command, context, List.of());
    }

    /** Handlers are set after the subcommands are added: picocli passes them only to subcommands already there. */
    private static CommandLine commandLine(Class<?> command, AppContext context, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(command, new ContextFactory(context));
        subcommands.forEach(cl::addSubcommand);
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        cl.setExitCodeExceptionMapper(t -> exitCodeOf(t).code());
        cl.setParameterExceptionHandler(Main::handleParameterException);
        return cl;
    }

    static ExitCode exitCodeOf(Throwable t) {
        if (t instanceof QmiConnException q) {
            return q.exitCode();
        }
        if (t instanceof CommandFailedException) {
            return ExitCode.FAILURE;
        }
        return ExitCode.INTERNAL;
    }

    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        ExitCode code = exitCodeOf(e);
        if (code == ExitCode.INTERNAL) {
            log().debug("internal error", e); // -v shows the stack trace; a plain run keeps stderr to one line
            err.println("qmi-conn: internal error: " + e.toString().lines().findFirst().orElse("")
                    + " (please report it with the -v output)");
        } else {
            log().debug("failed", e);
            err.println("qmi-conn: " + e.getMessage());
        }
        err.flush();
        return code.code();
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        Throwable cause = e.getCause();
        PrintWriter err = cl.getErr();
        if (cause instanceof QmiConnException q) { // a validating option setter refused the value
            err.println("qmi-conn: " + q.getMessage());
            err.flush();
            return q.exitCode().code();
        }
        err.println("qmi-conn: " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Creates commands through a constructor taking {@link AppContext} when they have one. */
    private record ContextFactory(AppContext context) implements IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == AppContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
