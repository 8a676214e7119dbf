package dev.qmiconn.cli.generate;

import dev.qmiconn.cli.ConnectPaths;
import dev.qmiconn.cli.UpOptions;
import dev.qmiconn.generate.UpSettings;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code generate interfaces} and {@code generate systemd} share: the {@code qmi-conn up} call the file runs
 * (up's own mixins plus {@code --qmi-conn}), read back as {@link UpSettings}, and {@code --out}/{@code --force}.
 */
public final class UpInvocation {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Parsed by up's own mixins; {@link UpSettings} reads back what the user typed. */
    @Mixin
    UpOptions up;

    @Mixin
    ConnectPaths paths;

    @Mixin
    OutputOptions output;

    @Option(names = "--qmi-conn", paramLabel = "PATH", defaultValue = "/usr/bin/qmi-conn",
            description = "The qmi-conn program to run, absolute: ifupdown and systemd run it with a fixed PATH "
                    + "(default: ${DEFAULT-VALUE}).")
    String program;

    /** The up options as given, with {@code --iface} defaulting to {@code ifaceDefault}. */
    UpSettings settings(String ifaceDefault) {
        return UpSettingsReader.read(command.commandLine().getParseResult(), ifaceDefault);
    }

    /** Prints the file or writes it to {@code --out} (root-only when the settings hold a secret). */
    void emit(String content, UpSettings settings) {
        output.emit(content, settings.hasSecrets(), command.commandLine().getOut(), command.commandLine().getErr());
    }
}
