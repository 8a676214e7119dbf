package dev.qmiconn.usage;

import java.time.LocalDate;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * A monthly billing period that starts on {@code resetDay} (1-28, so every month has it) and runs to the
 * day before the next month's reset day.
 */
public record BillingPeriod(LocalDate start, LocalDate endExclusive) {

    public static int validResetDay(int resetDay) {
        if (resetDay < 1 || resetDay > 28) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid reset day " + resetDay + ": use 1 to 28");
        }
        return resetDay;
    }

    /** The period that contains {@code day}. */
    public static BillingPeriod containing(LocalDate day, int resetDay) {
        validResetDay(resetDay);
        LocalDate thisMonths = day.withDayOfMonth(resetDay);
        LocalDate start = day.isBefore(thisMonths) ? thisMonths.minusMonths(1) : thisMonths;
        return new BillingPeriod(start, start.plusMonths(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive);
    }
}
