package dev.qmiconn.cli.at;

import java.util.concurrent.Callable;

import dev.qmiconn.at.AtBringUp;
import dev.qmiconn.at.AtModem;
import dev.qmiconn.cli.AppContext;
import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn at disconnect}: {@code AT^NDISDUP=1,0} and the address off the interface. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "End the data session (AT^NDISDUP=1,0) and remove the address from the interface.")
public final class AtDisconnectCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    AtPortOptions port;

    @Option(names = "--iface", paramLabel = "IFACE", defaultValue = "wwan0",
            description = "The modem's network interface (default: ${DEFAULT-VALUE}).")
    String iface;

    public AtDisconnectCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Validation.iface(iface);
        try (AtModem modem = port.open(context.runner())) {
            new AtBringUp(context.runner()).down(modem, iface);
        }
        spec.commandLine().getOut().println("disconnected; " + iface + " has no IPv4 address");
        return ExitCode.OK.code();
    }
}
