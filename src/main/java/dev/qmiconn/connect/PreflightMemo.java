package dev.qmiconn.connect;

import java.time.Duration;
import java.time.Instant;

/**
 * The service's memo of the checks {@code up} makes before it touches the modem: the DNS backend's preflight
 * (resolver detection, the marker-block files) and the ModemManager guard (a scan of /proc). Both answer the same
 * for the service's one request until the system changes, and cost ~0.1 s of interpreted Java per {@code up}.
 * A pass is trusted for {@link #FRESH}; any failed {@code up} forgets it, so the next attempt checks again (a
 * ModemManager started meanwhile shows as timeouts; a DNS file gone bad fails the hand-over and is undone).
 */
public final class PreflightMemo {

    static final Duration FRESH = Duration.ofSeconds(60);

    private Instant passedAt;

    /** Whether the checks passed less than {@link #FRESH} before {@code now}. */
    synchronized boolean fresh(Instant now) {
        return passedAt != null && !now.isBefore(passedAt) && Duration.between(passedAt, now).compareTo(FRESH) < 0;
    }

    /** {@code up} passed the checks at {@code at} and came up. */
    synchronized void passed(Instant at) {
        passedAt = at;
    }

    synchronized void forget() {
        passedAt = null;
    }
}
