package dev.qmiconn.at;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * Test decorator: runs every {@code ip ...} argv as {@code ip -n NS ...}, so the real iproute2 changes only the
 * test's own network namespace; every other program runs unchanged.
 */
final class NetnsIpRunner implements CommandRunner {

    private final CommandRunner delegate;
    private final String namespace;

    NetnsIpRunner(CommandRunner delegate, String namespace) {
        this.delegate = delegate;
        this.namespace = namespace;
    }

    private CommandSpec confine(CommandSpec spec) {
        if (!spec.argv().get(0).equals("ip")) {
            return spec;
        }
        List<String> argv = new ArrayList<>(List.of("ip", "-n", namespace));
        argv.addAll(spec.argv().subList(1, spec.argv().size()));
        return new CommandSpec(argv, spec.timeout(), spec.environment(), spec.stdin());
    }

    @Override
    public CommandResult run(CommandSpec spec) {
        return delegate.run(confine(spec));
    }

    @Override
    public BackgroundProcess start(CommandSpec spec) {
        return delegate.start(confine(spec));
    }
}
