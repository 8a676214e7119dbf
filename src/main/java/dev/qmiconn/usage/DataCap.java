package dev.qmiconn.usage;

/** A data cap for the billing period and the share of it at which to warn. */
public record DataCap(ByteSize limit, int warnPercent) {

    public enum Level { UNDER, WARNING, EXCEEDED }

    public DataCap {
        if (warnPercent < 1 || warnPercent > 100) {
            throw new IllegalArgumentException("warn percent must be 1-100");
        }
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
