package dev.qmiconn.usage;

import java.time.Duration;
import java.time.Instant;

/**
 * When the ledger is worth writing: an SD card wears out from a rewrite every poll. At most once per
 * {@code interval}, sooner when {@code step} bytes more were counted or the cap level changed, and always when
 * asked on stop ({@link #force}). What a crash between two writes costs is in docs/USAGE-JSON.md.
 */
public final class SaveThrottle {

    public static final Duration INTERVAL = Duration.ofMinutes(1);
    public static final long STEP = 10_000_000L;

    private final Duration interval;
    private final long step;
    private Instant savedAt;
    private long savedUsed;
    private DataCap.Level savedLevel;

    public SaveThrottle(Duration interval, long step) {
        this.interval = interval;
        this.step = step;
    }

    public static SaveThrottle standard() {
        return new SaveThrottle(INTERVAL, STEP);
    }

    /** True when a ledger with {@code used} bytes at {@code level} should be written now. */
    public boolean due(Instant now, long used, DataCap.Level level) {
        return savedAt == null || !now.isBefore(savedAt.plus(interval)) || Math.abs(used - savedUsed) >= step
                || level != savedLevel;
    }

    /** Call after every write. */
    public void saved(Instant now, long used, DataCap.Level level) {
        savedAt = now;
        savedUsed = used;
        savedLevel = level;
    }
}
