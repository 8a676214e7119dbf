package dev.qmiconn.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Turns the modem's packet counters into period usage. Modems differ: some keep the WDS byte counters across
 * sessions until they are reset (the emulator does), some restart them with each call. So the last raw values
 * are kept across reconnects: a counter that grew adds its growth; one lower than the last seen has restarted
 * from 0 and all of it is new traffic — never negative usage.
 */
public final class UsageAccountant {

    private final int resetDay;
    private final ZoneId zone;

    public UsageAccountant(int resetDay, ZoneId zone) {
        this.resetDay = BillingPeriod.validResetDay(resetDay);
        this.zone = zone;
    }

    /** Rolls the ledger into the period of {@code now} (usage starts at 0 when a new period began). */
    public UsageLedger current(UsageLedger ledger, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (ledger == null) {
            return UsageLedger.empty(BillingPeriod.containing(today, resetDay), now);
        }
        if (ledger.period().contains(today)) {
            return ledger;
        }
        BillingPeriod next = BillingPeriod.containing(today, resetDay);
        // keep the raw counters: traffic after the reset is measured from where the counters stood
        return new UsageLedger(next.start(), next.endExclusive(), 0, 0, ledger.lastTxBytes(),
                ledger.lastRxBytes(), now);
    }

    /** Adds what the counters grew by since the last observation. */
    public UsageLedger observe(UsageLedger ledger, long txCounter, long rxCounter, Instant now) {
        UsageLedger l = current(ledger, now);
        long tx = l.txBytes() + delta(l.lastTxBytes(), txCounter);
        long rx = l.rxBytes() + delta(l.lastRxBytes(), rxCounter);
        return new UsageLedger(l.periodStart(), l.periodEnd(), tx, rx, txCounter, rxCounter, now);
    }

    static long delta(Long last, long counter) {
        if (counter < 0) {
            return 0;
        }
        if (last == null || counter < last) {
            // a new session (or a modem reset) restarted the counters at 0: all of it is new traffic.
            // On the very first observation this may count traffic from before qmi-conn looked: for a cap,
            // counting too much is the safe error.
            return counter;
        }
        return counter - last;
    }
}
