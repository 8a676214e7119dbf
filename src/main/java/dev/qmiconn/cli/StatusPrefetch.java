package dev.qmiconn.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.FutureTask;

import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.connect.StatusReport;
import dev.qmiconn.process.Ahead;

/**
 * A plain {@code qmi-conn status} or {@code status --json} (no other argument) asks the modem while picocli is
 * still building the command's model: the five qmicli runs are mostly waiting on the modem, picocli's start
 * (~0.1-0.25 s: its classes are Java 5 and cannot be archived) mostly CPU. {@link StatusCommand} takes the
 * answer only when the device, proxy and paths it resolved are those this prefetch assumed (the options' own
 * defaults: the constants their annotations name, so the two cannot drift; reading the annotations themselves
 * delayed the prefetch's start by their parsing and proxy classes); otherwise it asks again itself. A failure (no
 * device, a damaged file) is rethrown by the command as its own, so output and exit code stay the same.
 */
final class StatusPrefetch {

    private static final List<List<String>> PLAIN = List.of(List.of("status"), List.of("status", "--json"));

    private final String device;
    private final boolean proxy;
    private final Paths paths;
    private final FutureTask<StatusReport> answer;

    private StatusPrefetch(String device, boolean proxy, Paths paths, FutureTask<StatusReport> answer) {
        this.device = device;
        this.proxy = proxy;
        this.paths = paths;
        this.answer = answer;
    }

    /** Starts asking when {@code args} are exactly a plain status; null otherwise. */
    static StatusPrefetch startIfPlain(String[] args, AppContext context) {
        if (!PLAIN.contains(Arrays.asList(args))) {
            return null;
        }
        String device = DeviceOptions.DEFAULT_DEVICE;
        Paths paths = ConnectPaths.defaults(context.environment());
        FutureTask<StatusReport> answer = new FutureTask<>(() -> new StatusFlow(context.runner(),
                Pacer.real(context.clock())).run(device, false, paths));
        Ahead.start("status-prefetch", answer);
        return new StatusPrefetch(device, false, paths, answer);
    }

    /** Whether this prefetch asked what a status with these resolved options asks. */
    boolean answers(String device, boolean proxy, Paths paths) {
        return this.device.equals(device) && this.proxy == proxy && this.paths.equals(paths);
    }

    /** The report, or the flow's own exception. */
    StatusReport report() {
        return Ahead.get(answer, "waiting for the modem");
    }
}
