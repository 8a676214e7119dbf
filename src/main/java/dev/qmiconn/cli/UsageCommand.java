package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.UsageAccountant;
import dev.qmiconn.usage.UsageLedger;
import dev.qmiconn.usage.UsageStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qmi-conn usage}: data used in the current billing period, as {@code watch}/{@code ensure} counted it.
 * JSON field names are documented in docs/USAGE-JSON.md. Exits {@link ExitCode#CAP_REACHED} when the cap is
 * used up, so a cron script can test it.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Show data used and remaining in this billing period (counted by watch and ensure).")
public final class UsageCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/run/qmi-conn",
            description = "Where watch keeps usage.json (default: ${DEFAULT-VALUE}; use a persistent directory "
                    + "such as /var/lib/qmi-conn to keep counts across reboots).")
    Path stateDir;

    @Option(names = "--cap", paramLabel = "SIZE", description = "Data cap per period, e.g. 200MB.")
    String cap;

    @Option(names = "--cap-warn", paramLabel = "PERCENT", defaultValue = "80",
            description = "Share of the cap at which capLevel says warning, as watch's --cap-warn "
                    + "(default: ${DEFAULT-VALUE}).")
    int capWarn;

    @Option(names = "--reset-day", paramLabel = "DAY", defaultValue = "1",
            description = "Day of the month the allowance resets (default: ${DEFAULT-VALUE}).")
    int resetDay;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    public UsageCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Instant now = context.clock().instant();
        UsageLedger ledger = new UsageAccountant(resetDay, ZoneId.systemDefault())
                .current(new UsageStore(stateDir).load(), now);
        DataCap dataCap = cap == null ? null : new DataCap(ByteSize.parse(cap), capWarn);
        long used = ledger.usedBytes();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("periodStart", ledger.periodStart().toString());
        view.put("periodEnd", ledger.periodEnd().toString());
        view.put("txBytes", ledger.txBytes());
        view.put("rxBytes", ledger.rxBytes());
        view.put("usedBytes", used);
        view.put("capBytes", dataCap == null ? null : dataCap.limit().bytes());
        view.put("remainingBytes", dataCap == null ? null : dataCap.remaining(used));
        view.put("capLevel", dataCap == null ? null : dataCap.levelOf(used).name().toLowerCase(java.util.Locale.ROOT));
        if (json) {
            // created here, not statically: picocli instantiates every command on each start, and a static
            // ObjectMapper made every qmi-conn run (even --help) load Jackson
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(mapper.writeValueAsString(view));
        } else {
            StringBuilder line = new StringBuilder("period " + ledger.periodStart() + " to " + ledger.periodEnd()
                    + " (exclusive): used " + new ByteSize(used).human() + " (sent " + new ByteSize(ledger.txBytes())
                    .human() + ", received " + new ByteSize(ledger.rxBytes()).human() + ")");
            if (dataCap != null) {
                line.append("; cap ").append(dataCap.limit().human()).append(", remaining ")
                        .append(new ByteSize(dataCap.remaining(used)).human());
            }
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return dataCap != null && dataCap.levelOf(used) == DataCap.Level.EXCEEDED
                ? ExitCode.CAP_REACHED.code() : ExitCode.OK.code();
    }
}
