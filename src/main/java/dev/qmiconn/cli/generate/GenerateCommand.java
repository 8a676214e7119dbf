package dev.qmiconn.cli.generate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qmi-conn generate}: a group; each subcommand renders one boot-time config file. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write the files that bring the modem up at boot: an ifupdown stanza, a systemd unit, "
                + "a udev rule, the per-device settings file.",
        subcommands = {
                GenerateInterfacesCommand.class,
                GenerateConfigCommand.class,
                GenerateSystemdCommand.class,
                GenerateUdevCommand.class,
        })
public final class GenerateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
