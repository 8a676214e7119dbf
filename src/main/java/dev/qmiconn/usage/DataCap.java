package dev.qmiconn.usage;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** A data cap for the billing period and the share of it at which to warn. */
public record DataCap(ByteSize limit, int warnPercent) {

    public enum Level { UNDER, WARNING, EXCEEDED }

    public DataCap {
        validWarnPercent(warnPercent);
    }

    /** The one check of {@code --cap-warn} (watch and ensure check it even without {@code --cap}). */
    public static int validWarnPercent(int percent) {
        if (percent < 1 || percent > 100) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "--cap-warn must be 1 to 100");
        }
        return percent;
    }

    public Level levelOf(long usedBytes) {
        if (usedBytes >= limit.bytes()) {
            return Level.EXCEEDED;
        }
        return usedBytes * 100 >= limit.bytes() * (long) warnPercent ? Level.WARNING : Level.UNDER;
    }

    public long remaining(long usedBytes) {
        return Math.max(0, limit.bytes() - usedBytes);
    }
}
