package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.report.JsonSchema;
import dev.qmiconn.report.PrettyJson;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.UsageAccountant;
import dev.qmiconn.usage.UsageLedger;
import dev.qmiconn.usage.LedgerKey;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.usage.SimLedger;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qmi-conn usage}: data used in the current billing period by the SIM last seen in {@code --device}, as
 * {@code watch}/{@code ensure} counted it into its ledger, with the cap they ran with (or {@code --cap}).
 * JSON field names are documented in docs/USAGE-JSON.md. Exits {@link ExitCode#CAP_REACHED} when the cap is
 * used up, so a cron script can test it.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Show data used and remaining in this billing period (counted by watch and ensure).")
public final class UsageCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "PATH", defaultValue = "/dev/cdc-wdm0",
            description = "Whose usage: the SIM last seen in this control device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--ledger-dir", paramLabel = "DIR", defaultValue = "/var/lib/qmi-conn",
            description = "Where watch and ensure keep the usage ledgers, one per SIM (default: ${DEFAULT-VALUE}).")
    Path ledgerDir;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/run/qmi-conn",
            description = "Where older versions kept usage.json; read when no ledger exists yet "
                    + "(default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--cap", paramLabel = "SIZE", description = "Data cap per period, e.g. 200MB (default: the cap "
            + "watch last ran with, stored in the ledger).")
    String cap;

    @Option(names = "--cap-warn", paramLabel = "PERCENT",
            description = "Share of the cap at which cap_level says warning (default: the ledger's, else 80).")
    Integer capWarn;

    @Option(names = "--reset-day", paramLabel = "DAY",
            description = "Day of the month the allowance resets (default: the ledger's, else 1).")
    Integer resetDay;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    public UsageCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Instant now = context.clock().instant();
        String name = Paths.deviceName(Validation.device(device));
        LedgerStore store = new LedgerStore(ledgerDir, stateDir);
        LedgerKey key = store.lastKeyOf(name).orElse(LedgerKey.device(name));
        Optional<SimLedger> saved = store.loadOrMigrate(key, name, resetDay == null ? 1 : resetDay);
        int day = resetDay != null ? resetDay : saved.map(SimLedger::resetDay).orElse(1);
        UsageLedger ledger = new UsageAccountant(day, ZoneId.systemDefault())
                .current(saved.map(SimLedger::usage).orElse(null), now);
        DataCap dataCap = cap != null ? new DataCap(ByteSize.parse(cap), capWarn == null ? 80 : capWarn)
                : saved.flatMap(SimLedger::cap).map(c -> capWarn == null ? c : new DataCap(c.limit(), capWarn))
                .orElse(null);
        if (capWarn != null) {
            DataCap.validWarnPercent(capWarn);
        }
        long used = ledger.usedBytes();
        // the JSON field names (snake_case, as every qmi-conn JSON; docs/USAGE-JSON.md)
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(JsonSchema.FIELD, JsonSchema.VERSION);
        view.put("ledger", key.value());
        view.put("period_start", ledger.periodStart().toString());
        view.put("period_end", ledger.periodEnd().toString());
        view.put("tx_bytes", ledger.txBytes());
        view.put("rx_bytes", ledger.rxBytes());
        view.put("used_bytes", used);
        view.put("cap_bytes", dataCap == null ? null : dataCap.limit().bytes());
        view.put("remaining_bytes", dataCap == null ? null : dataCap.remaining(used));
        view.put("cap_level", dataCap == null ? null : dataCap.levelOf(used).name().toLowerCase(java.util.Locale.ROOT));
        if (json) {
            spec.commandLine().getOut().println(PrettyJson.write(view));
        } else {
            StringBuilder line = new StringBuilder(key.value() + ": period " + ledger.periodStart() + " to " + ledger.periodEnd()
                    + " (exclusive): used " + new ByteSize(used).human() + " (sent " + new ByteSize(ledger.txBytes())
                    .human() + ", received " + new ByteSize(ledger.rxBytes()).human() + ")");
            if (dataCap != null) {
                line.append("; cap ").append(dataCap.limit().human()).append(", remaining ")
                        .append(new ByteSize(dataCap.remaining(used)).human());
                if (dataCap.levelOf(used) == DataCap.Level.EXCEEDED) {
                    line.append("; used up: no connection until the period resets on ").append(ledger.periodEnd());
                }
            }
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return dataCap != null && dataCap.levelOf(used) == DataCap.Level.EXCEEDED
                ? ExitCode.CAP_REACHED.code() : ExitCode.OK.code();
    }
}
