package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.connect.DurationParser;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.watch.Backoff;
import dev.qmiconn.watch.CapAction;
import dev.qmiconn.watch.WatchOptions;

import picocli.CommandLine.Option;

/** Options of {@code watch} and {@code ensure}: polling, escalation and the data cap. */
public final class WatchOptionsMixin {

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class,
            description = "How often to ask the modem about the session (default: ${DEFAULT-VALUE}; a drop is "
                    + "seen within this plus one qmicli call).")
    Duration poll;

    @Option(names = "--escalate-after", paramLabel = "N", defaultValue = "3",
            description = "Failed reconnects before cycling the radio through low-power (default: ${DEFAULT-VALUE}).")
    int escalateAfter;

    @Option(names = "--usb-reset-after", paramLabel = "N",
            description = "Failed reconnects before re-enumerating the USB device (opt-in last resort).")
    Integer usbResetAfter;

    @Option(names = "--backoff-scale", paramLabel = "FACTOR", defaultValue = "1", hidden = true,
            description = "Scales the 5/10/20/40/60 s reconnect delays (tests).")
    double backoffScale;

    @Option(names = "--cap", paramLabel = "SIZE", description = "Data cap per period, e.g. 200MB (decimal, as "
            + "carriers bill) or 190MiB.")
    String cap;

    @Option(names = "--cap-warn", paramLabel = "PERCENT", defaultValue = "80",
            description = "Warn when this share of the cap is used (default: ${DEFAULT-VALUE}).")
    int capWarn;

    @Option(names = "--reset-day", paramLabel = "DAY", defaultValue = "1",
            description = "Day of the month (1-28) the carrier resets the allowance (default: ${DEFAULT-VALUE}).")
    int resetDay;

    @Option(names = "--cap-hook", paramLabel = "ARG", arity = "1..*",
            description = "When the cap is reached run this program (argv, no shell) instead of disconnecting.")
    List<String> capHook = new ArrayList<>();

    @Option(names = "--ledger-dir", paramLabel = "DIR", defaultValue = "/var/lib/qmi-conn",
            description = "Persistent directory of the usage ledgers, one per SIM, with their cap and reset day "
                    + "(default: ${DEFAULT-VALUE}; systemd's StateDirectory).")
    Path ledgerDir;

    @Option(names = "--clock-offset-file", paramLabel = "FILE", hidden = true,
            description = "Shift the clock by the ISO-8601 duration in FILE (tests move into the next period).")
    Path clockOffsetFile;

    WatchOptions toOptions() {
        if (escalateAfter < 1 || (usbResetAfter != null && usbResetAfter < 1)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "--escalate-after and --usb-reset-after must be >= 1");
        }
        DataCap.validWarnPercent(capWarn);
        DataCap dataCap = cap == null ? null : new DataCap(ByteSize.parse(cap), capWarn);
        if (!capHook.isEmpty() && dataCap == null) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "--cap-hook needs --cap");
        }
        return new WatchOptions(poll, Backoff.STANDARD.scaled(backoffScale), escalateAfter, usbResetAfter, dataCap,
                capHook.isEmpty() ? CapAction.DISCONNECT : new CapAction(capHook), resetDay, ZoneId.systemDefault(),
                ledgerDir);
    }
}
