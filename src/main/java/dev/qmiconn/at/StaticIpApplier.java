package dev.qmiconn.at;

import java.time.Duration;
import java.util.List;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandFailedException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/** Runs the argv lists of {@link StaticIpPlan} through the process seam; no shell is involved. */
public final class StaticIpApplier {

    private final CommandRunner runner;

    public StaticIpApplier(CommandRunner runner) {
        this.runner = runner;
    }

    public void apply(DhcpSettings settings, String iface) {
        Validation.iface(iface);
        if (!settings.hasAddress()) {
            throw new QmiConnException(ExitCode.NO_ADDRESS, "the modem reported address 0.0.0.0: no session "
                    + "is up (run AT^NDISDUP first)");
        }
        runAll(StaticIpPlan.apply(settings, iface), iface);
    }

    public void remove(String iface) {
        runAll(StaticIpPlan.remove(Validation.iface(iface)), iface);
    }

    private void runAll(List<List<String>> plan, String iface) {
        for (List<String> argv : plan) {
            CommandResult r = runner.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(10)));
            if (r.exitCode() == 127) {
                throw new QmiConnException(ExitCode.TOOL_MISSING, "ip (iproute2) is not installed: "
                        + r.stderr().strip());
            }
            if (!r.succeeded()) {
                throw new QmiConnException(ExitCode.NO_ADDRESS, "cannot configure " + iface + ": "
                        + new CommandFailedException(r).getMessage());
            }
        }
    }
}
