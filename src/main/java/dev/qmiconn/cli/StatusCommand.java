package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;


import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.RoamingPolicy;
import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.connect.StatusJson;
import dev.qmiconn.connect.StatusReport;
import dev.qmiconn.connect.StatusText;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.usage.SimLedger;
import dev.qmiconn.usage.UsageAccountant;
import dev.qmiconn.usage.UsageLedger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn status [--json]}: exit 0 when connected, NOT_CONNECTED (12) otherwise. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Device, libqmi verdict, SIM, registration, signal, LED state, connection, IP, traffic and "
                + "uptime. Exits 0 when connected, 12 when not. JSON fields: /usr/share/doc/qmi-conn/STATUS-JSON.md.")
public final class StatusCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectPaths paths;

    @Mixin
    DeviceOptions modem;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--ledger-dir", paramLabel = "DIR", defaultValue = "/var/lib/qmi-conn",
            description = "Usage ledgers of watch and ensure, for the usage line (default: ${DEFAULT-VALUE}).")
    Path ledgerDir;

    @Option(names = "--roaming", paramLabel = "allow|deny", description = "The roaming policy to judge the "
            + "registration by, as watch runs with it (default: deny when the SIM's ledger has a cap, else allow).")
    String roaming;

    public StatusCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StatusReport report = (context.service().isPresent() ? context.service().get().status() : direct())
                .withUsage(usage(Paths.deviceName(modem.device())));
        report = report.withRoamingGuard(RoamingPolicy.effective(roaming == null ? null
                : UpOptions.word(roaming, RoamingPolicy.Mode::fromWord), report.usage() != null
                && report.usage().capBytes() != null));
        if (json) {
            spec.commandLine().getOut().println(StatusJson.write(report));
            spec.commandLine().getOut().flush();
        } else {
            StatusText.print(spec.commandLine().getOut(), report);
        }
        return report.connected() ? ExitCode.OK.code() : ExitCode.NOT_CONNECTED.code();
    }

    /** Asks the modem, or takes what the prefetch asked when it assumed exactly these options. */
    private StatusReport direct() {
        String device = modem.device();
        Paths resolved = paths.toPaths(context.environment());
        java.util.Optional<StatusPrefetch> early = context.takePrefetch()
                .filter(p -> p.answers(device, modem.proxy, resolved));
        return early.isPresent() ? early.get().report()
                : new StatusFlow(context.runner(), Pacer.real(context.clock())).run(device, modem.proxy, resolved);
    }

    /** The period's usage of the SIM last seen in the device, from its ledger; null when there is none. */
    private StatusReport.Usage usage(String deviceName) {
        LedgerStore store = new LedgerStore(ledgerDir, null);
        Optional<SimLedger> ledger = store.lastKeyOf(deviceName).flatMap(store::load);
        if (ledger.isEmpty() || ledger.get().usage() == null) {
            return null;
        }
        UsageLedger now = new UsageAccountant(ledger.get().resetDay(), ZoneId.systemDefault())
                .current(ledger.get().usage(), context.clock().instant());
        Optional<DataCap> cap = ledger.get().cap();
        return new StatusReport.Usage(ledger.get().key(), now.periodEnd().toString(), now.usedBytes(),
                cap.map(c -> c.limit().bytes()).orElse(null), cap.map(c -> c.remaining(now.usedBytes())).orElse(null));
    }
}
