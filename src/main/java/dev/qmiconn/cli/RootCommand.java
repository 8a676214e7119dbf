package dev.qmiconn.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn}: a group command; the work is done by its subcommands. */
@Command(name = "qmi-conn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Brings a Qualcomm-QMI LTE modem online with the real libqmi tools, keeps it online, "
                + "and says clearly what is wrong when it is not.")
public final class RootCommand implements Runnable {

    /**
     * The subcommands, in help order. Not in {@code @Command(subcommands=)}: picocli would build every one's model
     * (and instantiate every command) on each start, ~0.1-0.25 s of a short {@code status}; {@link Main} adds only
     * the one invoked, or all of them for help and anything it does not recognise.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
            picocli.CommandLine.HelpCommand.class,
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            DoctorCommand.class,
            SimulateCommand.class,
            dev.qmiconn.cli.generate.GenerateCommand.class,
            WatchCommand.class,
            EnsureCommand.class,
            UsageCommand.class,
            dev.qmiconn.cli.at.AtCommand.class);

    /** The subcommand class called {@code name} (its {@code @Command} name), if any; no model is built. */
    static java.util.Optional<Class<?>> subcommand(String name) {
        return SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(name)).findFirst();
    }

    private final AppContext context;

    @Spec
    CommandSpec spec;

    public RootCommand(AppContext context) {
        this.context = context;
    }

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Diagnostics on stderr: every external argv, exit code and duration.")
    void verbose(boolean on) {
        Logging.setVerbose(on);
    }

    @Option(names = "--record", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Write every external call (argv, exit code, stdout, stderr, duration, libqmi version) "
                    + "as a JSON transcript into DIR, for bug reports and test fixtures.")
    void record(Path directory) {
        context.recordInto(directory);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
