package dev.qmiconn.watch;

import java.time.Duration;
import java.time.ZoneId;

import dev.qmiconn.usage.DataCap;

/**
 * How watch behaves. {@code escalateAfter}: consecutive failed reconnects before a low-power/online cycle;
 * {@code usbResetAfter}: failures before re-enumerating the USB device (null = never; opt-in); {@code ledgerDir}:
 * the persistent directory of the usage ledgers.
 */
public record WatchOptions(Duration pollInterval, Backoff backoff, int escalateAfter, Integer usbResetAfter,
                           DataCap cap, CapAction capAction, int resetDay, ZoneId zone,
                           java.nio.file.Path ledgerDir) {

    public WatchOptions {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
    }
}
