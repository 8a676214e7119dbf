package dev.qmiconn.watch;

import java.time.Instant;
import java.time.ZoneId;

import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.LedgerKey;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.usage.SaveThrottle;
import dev.qmiconn.usage.SimLedger;
import dev.qmiconn.usage.UsageAccountant;
import dev.qmiconn.usage.UsageLedger;

/**
 * The period's usage as watch keeps it: observe counters, compare to the cap, and write the SIM's ledger when
 * {@link SaveThrottle} says so (not every poll) and on {@link #flush()} at stop. The cap and reset day of this
 * run are stored with it, so {@code usage}, {@code status} and {@code up} know them.
 */
public final class UsageMeter {

    private final UsageAccountant accountant;
    private final LedgerStore store;
    private final DataCap cap;
    private final SaveThrottle throttle = SaveThrottle.standard();
    private SimLedger ledger;
    private SimLedger saved;

    public UsageMeter(LedgerStore store, LedgerKey key, String deviceName, int resetDay, ZoneId zone, DataCap cap) {
        this.accountant = new UsageAccountant(resetDay, zone);
        this.store = store;
        this.cap = cap;
        SimLedger loaded = store.loadOrMigrate(key, deviceName, resetDay).orElse(null);
        this.saved = store.load(key).orElse(null);
        this.ledger = loaded == null ? new SimLedger(key.value(), deviceName, null, null, resetDay, null)
                : loaded;
        this.ledger = ledger.withSettings(cap, resetDay, deviceName);
        if (!sameSettings() && (saved != null || cap != null)) {
            // at once, not at the first count: a run that starts in a capped period never counts (it holds the
            // link down), and usage/status/up must meanwhile judge by the cap it holds the link down for
            store.save(ledger);
            saved = ledger;
        }
    }

    public UsageLedger observe(PacketStatistics stats, Instant now) {
        long tx = stats.txBytesOk() == null ? 0 : stats.txBytesOk();
        long rx = stats.rxBytesOk() == null ? 0 : stats.rxBytesOk();
        ledger = ledger.withUsage(accountant.observe(ledger.usage(), tx, rx, now));
        saveIfDue(now);
        return ledger.usage();
    }

    /** The ledger rolled into the period of {@code now} (a new period starts at 0, and is written at once). */
    public UsageLedger current(Instant now) {
        UsageLedger rolled = accountant.current(ledger.usage(), now);
        if (!rolled.equals(ledger.usage())) {
            boolean newPeriod = ledger.usage() != null;
            ledger = ledger.withUsage(rolled);
            if (newPeriod) {
                write(now);
            }
        }
        return ledger.usage();
    }

    public DataCap.Level level(Instant now) {
        return cap == null ? DataCap.Level.UNDER : cap.levelOf(current(now).usedBytes());
    }

    public DataCap cap() {
        return cap;
    }

    /** Writes what was counted since the last write (on stop). */
    public void flush(Instant now) {
        if (ledger.usage() != null && !ledger.equals(saved)) {
            write(now);
        }
    }

    private void saveIfDue(Instant now) {
        long used = ledger.usage().usedBytes();
        if (throttle.due(now, used, levelOf(used)) || !sameSettings()) {
            write(now);
        }
    }

    private boolean sameSettings() {
        return saved != null && java.util.Objects.equals(saved.capBytes(), ledger.capBytes())
                && java.util.Objects.equals(saved.capWarn(), ledger.capWarn())
                && saved.resetDay() == ledger.resetDay() && java.util.Objects.equals(saved.device(), ledger.device());
    }

    private DataCap.Level levelOf(long used) {
        return cap == null ? DataCap.Level.UNDER : cap.levelOf(used);
    }

    private void write(Instant now) {
        store.save(ledger);
        saved = ledger;
        throttle.saved(now, ledger.usage().usedBytes(), levelOf(ledger.usage().usedBytes()));
    }
}
