package dev.qmiconn.watch;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.usage.LedgerKey;
import dev.qmiconn.usage.LedgerStore;

/**
 * The SIM's usage meter, found on first use: with a cap before the first connect (a capped period must not
 * connect), else at the first count, so asking the modem for the ICCID never delays the link coming up.
 */
final class MeterSlot {

    private final CommandRunner runner;
    private final UpRequest request;
    private final WatchOptions options;
    private final LedgerStore ledgers;
    private final Consumer<LedgerKey> opened;
    private Supplier<QmiClient> kept = () -> null;
    private UsageMeter meter;

    /** {@code opened}: told the SIM's key once its ledger is open (telemetry labels its figures with it). */
    MeterSlot(CommandRunner runner, UpRequest request, WatchOptions options, Consumer<LedgerKey> opened) {
        this.runner = runner;
        this.request = request;
        this.options = options;
        this.ledgers = new LedgerStore(options.ledgerDir(), request.paths().stateDir());
        this.opened = opened;
    }

    /** The service's client on its kept ids (null: none), for the ICCID: see {@link SimLedgers#resolve(QmiClient, String, LedgerStore)}. */
    void askingOn(Supplier<QmiClient> keptIds) {
        this.kept = keptIds;
    }

    UsageMeter get() {
        if (meter == null) {
            QmiClient qmi = kept.get();
            open(qmi != null ? SimLedgers.resolve(qmi, request.device(), ledgers)
                    : SimLedgers.resolve(runner, request.device(), request.proxy(), ledgers));
        }
        return meter;
    }

    /** For one pass ({@code ensure}): the SIM last seen in the device, asking the modem only when none was. */
    UsageMeter openLastSeen() {
        open(ledgers.lastKeyOf(Paths.deviceName(request.device())).orElseGet(() -> SimLedgers.resolve(runner,
                request.device(), request.proxy(), ledgers)));
        return meter;
    }

    /** Writes what was counted (at stop); nothing when no ledger was opened. */
    void flush(Instant now) {
        if (meter != null) {
            meter.flush(now);
        }
    }

    /** The SIM's ledger, with this run's cap and reset day. */
    private void open(LedgerKey key) {
        meter = new UsageMeter(ledgers, key, Paths.deviceName(request.device()), options.resetDay(), options.zone(),
                options.cap());
        opened.accept(key);
    }
}
