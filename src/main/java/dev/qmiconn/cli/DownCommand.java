package dev.qmiconn.cli;

import java.util.concurrent.Callable;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.DownFlow;
import dev.qmiconn.error.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn down}: options in, {@link DownFlow} does the work. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the data session, release client ids, flush address and routes, remove the DNS block "
                + "and the state. Nothing to stop is success.")
public final class DownCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectPaths paths;

    @Mixin
    DeviceOptions modem;

    @Option(names = "--iface", paramLabel = "NAME|auto", defaultValue = "auto",
            description = "Interface to flush when no state names one (default: ${DEFAULT-VALUE}).")
    String iface;

    @Option(names = "--method", paramLabel = "qmi|at", defaultValue = "qmi",
            description = "qmi: stop the libqmi session; at: AT^NDISDUP=1,0 on --port (default: ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    dev.qmiconn.cli.at.AtPortOptions atPort;

    public DownCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (context.service().isPresent()) {
            ServiceRequests.onlyDeviceOptions(spec, context.service().get());
            return context.service().get().down(spec.commandLine().getOut());
        }
        if (dev.qmiconn.at.AtMethod.isAt(method)) {
            new dev.qmiconn.at.AtMethod(context.runner(), spec.commandLine().getOut()).down(() -> atPort.open(context.runner()), iface,
                    paths.toPaths(context.environment()));
            return ExitCode.OK.code();
        }
        String device = modem.device();
        String name = "auto".equals(iface) ? null : Validation.iface(iface);
        new DownFlow(context.runner(), spec.commandLine().getOut()).run(device, name, modem.proxy,
                paths.toPaths(context.environment()));
        return ExitCode.OK.code();
    }
}
