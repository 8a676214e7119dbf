package dev.qmiconn.watch;

import java.time.Instant;
import java.time.ZoneId;

import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.UsageAccountant;
import dev.qmiconn.usage.UsageLedger;
import dev.qmiconn.usage.UsageStore;

/** The period's usage as watch keeps it: observe counters, persist after every change, compare to the cap. */
public final class UsageMeter {

    private final UsageAccountant accountant;
    private final UsageStore store;
    private final DataCap cap;
    private UsageLedger ledger;

    public UsageMeter(UsageStore store, int resetDay, ZoneId zone, DataCap cap) {
        this.accountant = new UsageAccountant(resetDay, zone);
        this.store = store;
        this.cap = cap;
        this.ledger = store.load();
    }

    public UsageLedger observe(PacketStatistics stats, Instant now) {
        long tx = stats.txBytesOk() == null ? 0 : stats.txBytesOk();
        long rx = stats.rxBytesOk() == null ? 0 : stats.rxBytesOk();
        ledger = accountant.observe(ledger, tx, rx, now);
        store.save(ledger);
        return ledger;
    }

    /** The ledger rolled into the period of {@code now} (a new period starts at 0). */
    public UsageLedger current(Instant now) {
        UsageLedger rolled = accountant.current(ledger, now);
        if (!rolled.equals(ledger)) {
            ledger = rolled;
            store.save(ledger);
        }
        return ledger;
    }

    public DataCap.Level level(Instant now) {
        return cap == null ? DataCap.Level.UNDER : cap.levelOf(current(now).usedBytes());
    }

    public DataCap cap() {
        return cap;
    }
}
