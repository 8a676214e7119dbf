package dev.qmiconn.cli;

import java.util.concurrent.Callable;

import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.watch.StopSignal;
import dev.qmiconn.watch.WatchOptions;
import dev.qmiconn.watch.Watchdog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qmi-conn ensure}: one pass of watch for cron — check, count, reconnect once if needed. */
@Command(name = "ensure", mixinStandardHelpOptions = true,
        description = "One check for cron: if the session is up, count its data; if it dropped, bring it up "
                + "once; if the cap is used up, take it down. Exits 0 when connected.")
public final class EnsureCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectPaths paths;

    @Mixin
    UpOptions up;

    @Mixin
    WatchOptionsMixin watch;

    @Mixin
    ConfigFileOptions config;

    public EnsureCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        config.applyTo(spec, up.device);
        UpRequest req = up.toRequest(paths.toPaths(context.environment()));
        WatchOptions options = watch.toOptions();
        Watchdog.Outcome outcome = new Watchdog(context.runner(), Pacer.real(context.clock()),
                spec.commandLine().getOut(), req, options, new StopSignal())
                .withEnvironment(context.environment()).once();
        return outcome.exitCode().code();
    }
}
