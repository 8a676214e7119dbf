package dev.qmiconn.usage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data used in the current billing period, persisted in the state dir across reconnects and modem resets.
 * {@code lastTxBytes/lastRxBytes} are the modem's raw counters at the last observation, so the next
 * observation can add only the difference.
 */
public record UsageLedger(LocalDate periodStart, LocalDate periodEnd, long txBytes, long rxBytes,
                          Long lastTxBytes, Long lastRxBytes, Instant updated) {

    public static UsageLedger empty(BillingPeriod period, Instant now) {
        return new UsageLedger(period.start(), period.endExclusive(), 0, 0, null, null, now);
    }

    public long usedBytes() {
        return txBytes + rxBytes;
    }

    public BillingPeriod period() {
        return new BillingPeriod(periodStart, periodEnd);
    }
}
