package dev.qmiconn.watch;

import java.util.Optional;

import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;

/**
 * The one warning a period gets while connected: at the cap's warning percentage, or (when the cap action is a
 * hook rather than a disconnect) once the cap is used up. Back under the warning level, e.g. in a new period, it
 * may warn again.
 */
final class CapNotice {

    /** What to do about a level: log a line, and with {@code runHook} run the cap action's hook first. */
    record Notice(String line, boolean runHook) {
    }

    private final CapAction action;
    private boolean warned;

    CapNotice(CapAction action) {
        this.action = action;
    }

    Optional<Notice> after(DataCap.Level level, long usedBytes, DataCap cap) {
        if (level == DataCap.Level.WARNING && !warned) {
            warned = true;
            return Optional.of(new Notice("usage " + new ByteSize(usedBytes).human() + " of "
                    + cap.limit().human() + " (warning at " + cap.warnPercent() + "%)", false));
        }
        if (level == DataCap.Level.EXCEEDED && !action.disconnects() && !warned) {
            warned = true;
            return Optional.of(new Notice("cap reached: ran " + action.hookArgv().get(0), true));
        }
        if (level == DataCap.Level.UNDER) {
            warned = false;
        }
        return Optional.empty();
    }
}
