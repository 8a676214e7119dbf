package dev.qmiconn.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external program to run: an argv list (never a shell string), a timeout after which the process is
 * killed, extra environment variables and optional standard input.
 */
public record CommandSpec(List<String> argv, Duration timeout, Map<String, String> environment, String stdin) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public CommandSpec {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        argv = List.copyOf(argv);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public static CommandSpec of(String... argv) {
        return new CommandSpec(List.of(argv), DEFAULT_TIMEOUT, Map.of(), null);
    }

    public static CommandSpec of(List<String> argv) {
        return new CommandSpec(argv, DEFAULT_TIMEOUT, Map.of(), null);
    }

    public CommandSpec withTimeout(Duration newTimeout) {
        return new CommandSpec(argv, newTimeout, environment, stdin);
    }

    public CommandSpec withEnvironment(Map<String, String> env) {
        return new CommandSpec(argv, timeout, env, stdin);
    }

    public CommandSpec withStdin(String input) {
        return new CommandSpec(argv, timeout, environment, input);
    }

    /** The program's base name, e.g. {@code qmicli} for {@code /usr/bin/qmicli}. */
    public String program() {
        String first = argv.get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
