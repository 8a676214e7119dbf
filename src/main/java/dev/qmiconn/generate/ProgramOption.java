package dev.qmiconn.generate;

import picocli.CommandLine.Option;

/** {@code --qmi-conn PATH}: the program a generated stanza or unit runs (read back by {@link UpSettings}). */
public final class ProgramOption {

    @Option(names = "--qmi-conn", paramLabel = "PATH", defaultValue = "/usr/bin/qmi-conn",
            description = "The qmi-conn program to run, absolute: ifupdown and systemd run it with a fixed PATH "
                    + "(default: ${DEFAULT-VALUE}).")
    String program;
}
