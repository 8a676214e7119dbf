package dev.qmiconn.connect;

import java.util.concurrent.FutureTask;

import dev.qmiconn.dns.Dns;
import dev.qmiconn.process.Ahead;

/**
 * What the one-shot {@code up} refuses without the modem, run on a thread while it takes the device lock, looks
 * for the device node and reads its caches (~30 ms of CPU: the resolver detection and ModemManager's /proc scan):
 * the DNS files (usable, not malformed), an interface given that is not the device's, and ModemManager on the port.
 * {@link #await} comes before anything acts (a leftover's teardown, the first client id), so a failing check still
 * refuses with the modem untouched, with the same words and exit code, and in the same order as when they ran
 * one after another: the preflight first, then a device that never appeared, then ModemManager.
 */
final class EarlyChecks {

    private final FutureTask<Void> preflight;
    private final FutureTask<Void> modemManager;

    private EarlyChecks(UpRequest req) {
        Paths paths = req.paths();
        this.preflight = new FutureTask<>(() -> {
            preflight(req, paths);
            return null;
        });
        this.modemManager = new FutureTask<>(() -> {
            ModemManagerGuard.check(paths, req.device(), req.proxy());
            return null;
        });
    }

    /** Starts the checks on a daemon thread. */
    static EarlyChecks start(UpRequest req) {
        EarlyChecks c = new EarlyChecks(req);
        Ahead.start("qmi-conn-early-checks", () -> {
            c.preflight.run();
            c.modemManager.run();
        });
        return c;
    }

    /** What can be refused without the modem: DNS files unusable or malformed, an interface not the device's. */
    static void preflight(UpRequest req, Paths paths) {
        Dns.check(paths.dns(req.dns()), req.deviceName());
        if (req.iface() != null) {
            new Sysfs(paths.sysfsRoot()).requireIfaceOf(req.deviceName(), req.device(), req.iface());
        }
    }

    /** Waits for both checks; throws the first failure (the preflight's before ModemManager's). */
    void await() {
        rethrow(preflight);
        rethrow(modemManager);
    }

    /**
     * {@code failure} of a step between the checks' start and {@link #await} (the device never appeared), or the
     * preflight's own failure, which came first when the checks ran in line.
     */
    RuntimeException before(RuntimeException failure) {
        try {
            rethrow(preflight);
        } catch (RuntimeException first) {
            return first;
        }
        return failure;
    }

    private static void rethrow(FutureTask<Void> check) {
        Ahead.get(check, "checking before up");
    }
}
