package dev.qmiconn.cli;

import java.util.concurrent.Callable;

import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.UpFlow;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.watch.SimLedgers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn up}: options in, {@link UpFlow} does the work. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Bring the modem online: SIM, registration, link layer, data session, IP and DNS. "
                + "Exits 0 when the interface has an address; on failure nothing is left half up.")
public final class UpCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectPaths paths;

    @Mixin
    UpOptions options;

    @Mixin
    ConfigFileOptions config;

    @Option(names = "--method", paramLabel = "qmi|at", defaultValue = "qmi",
            description = "qmi: libqmi on --device; at: Huawei AT^NDISDUP on --port, address from AT^DHCP? "
                    + "(default: ${DEFAULT-VALUE}).")
    String method;

    @Mixin
    dev.qmiconn.cli.at.AtPortOptions atPort;

    @Option(names = "--ledger-dir", paramLabel = "DIR", defaultValue = "/var/lib/qmi-conn",
            description = "Usage ledgers of watch and ensure: up refuses (exit 13) while the SIM's cap is used up "
                    + "(default: ${DEFAULT-VALUE}).")
    java.nio.file.Path ledgerDir;

    public UpCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (context.service().isPresent()) {
            ServiceRequests.onlyDeviceOptions(spec, context.service().get());
            return context.service().get().up(spec.commandLine().getOut());
        }
        config.applyTo(spec, options.device);
        if (dev.qmiconn.at.AtMethod.isAt(method)) {
            new dev.qmiconn.at.AtMethod(context.runner(), spec.commandLine().getOut()).up(() -> atPort.open(context.runner()),
                    options.apnOrProfile(), options.iface, options.timeout, options.dnsMode(),
                    paths.toPaths(context.environment()));
            return ExitCode.OK.code();
        }
        UpRequest req = options.toRequest(paths.toPaths(context.environment()));
        SimLedgers.refuseIfCapped(context.runner(), req.device(), req.proxy(), new LedgerStore(ledgerDir, null),
                context.clock().instant(), java.time.ZoneId.systemDefault());
        new UpFlow(context.runner(), Pacer.real(context.clock()), spec.commandLine().getOut())
                .withEnvironment(context.environment()).keepingQueryIds().run(req);
        return ExitCode.OK.code();
    }
}
