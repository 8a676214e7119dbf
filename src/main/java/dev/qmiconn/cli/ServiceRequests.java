package dev.qmiconn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.service.ControlSocket;
import dev.qmiconn.service.ServiceControl;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs the requests a client sends to a running service through the same picocli commands as a direct run, with
 * a context that carries the service, so output and exit codes are the same words either way.
 */
final class ServiceRequests {

    private static final java.util.Map<String, Class<?>> SERVED = java.util.Map.of("status", StatusCommand.class,
            "up", UpCommand.class, "down", DownCommand.class, "usage", UsageCommand.class);
    private static final Set<String> DEVICE_OPTIONS = Set.of("--device", "--state-dir", "--json");

    private ServiceRequests() {
    }

    static ControlSocket.RequestHandler handler(AppContext context, ServiceControl service) {
        Built built = new Built(context.forService(service));
        return (args, out, err) -> answer(args, out, err, built);
    }

    private static int answer(List<String> args, PrintWriter out, PrintWriter err, Built built) {
        if (args.isEmpty() || !SERVED.containsKey(args.get(0))
                || args.stream().anyMatch(a -> a.equals("-v") || a.equals("--verbose") || a.startsWith("--record"))) {
            err.println("qmi-conn: the service answers status, up, down and usage (without -v or --record)");
            return ExitCode.USAGE.code();
        }
        CommandLine cl = built.of(args.get(0));
        // one request at a time per command: its model and command object are reused (picocli resets every
        // option to its initial value before each parse); a long up does not hold up a status
        synchronized (cl) {
            cl.setOut(out);
            cl.setErr(err);
            return cl.execute(args.subList(1, args.size()).toArray(String[]::new));
        }
    }

    /**
     * Each served command's model, built on its first request and kept: only the asked command's (building the
     * whole tree per request cost the service's interpreter ~1 s), and once (rebuilding even that one per request
     * cost 10-90 ms of an interpreted status).
     */
    private static final class Built {
        private final AppContext context;
        private final java.util.Map<String, CommandLine> lines = new java.util.HashMap<>();

        Built(AppContext context) {
            this.context = context;
        }

        synchronized CommandLine of(String command) {
            return lines.computeIfAbsent(command, c -> Main.commandLine(SERVED.get(c), context));
        }
    }

    /**
     * Through the service, up and down only switch the link: its settings are the service's own (its config file
     * and unit). An option that would change them is refused rather than silently ignored.
     */
    static void onlyDeviceOptions(CommandSpec spec, ServiceControl service) {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!DEVICE_OPTIONS.contains(o.longestName())) {
                throw new QmiConnException(ExitCode.BUSY, "the qmi-conn service owns " + service.device()
                        + " and connects with its own settings, so " + o.longestName() + " has no effect here: "
                        + "change its configuration and restart it (systemctl restart qmi-conn@DEVICE), or stop "
                        + "it to run " + spec.name() + " by hand");
            }
        }
    }
}
