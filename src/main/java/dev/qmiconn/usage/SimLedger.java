package dev.qmiconn.usage;

import java.util.Optional;

/**
 * One ledger file in the persistent state directory: the period's usage of one SIM (or device, see
 * {@link LedgerKey}) and the cap and reset day the service last ran with, so {@code usage}, {@code status} and
 * {@code up} know them without being told again. {@code capBytes} and {@code capWarn} are null without a cap.
 */
public record SimLedger(String key, String device, Long capBytes, Integer capWarn, int resetDay, UsageLedger usage) {

    public Optional<DataCap> cap() {
        return capBytes == null ? Optional.empty()
                : Optional.of(new DataCap(new ByteSize(capBytes), capWarn == null ? 80 : capWarn));
    }

    /** The same ledger with the cap, reset day and device of the command now running. */
    public SimLedger withSettings(DataCap cap, int resetDay, String device) {
        return new SimLedger(key, device, cap == null ? null : cap.limit().bytes(),
                cap == null ? null : cap.warnPercent(), resetDay, usage);
    }

    public SimLedger withUsage(UsageLedger usage) {
        return new SimLedger(key, device, capBytes, capWarn, resetDay, usage);
    }
}
