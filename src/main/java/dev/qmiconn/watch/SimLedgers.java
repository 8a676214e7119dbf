package dev.qmiconn.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;

import dev.qmiconn.connect.Paths;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.LedgerKey;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.usage.SimLedger;
import dev.qmiconn.usage.UsageAccountant;
import dev.qmiconn.usage.UsageLedger;

/**
 * Finds the ledger of the SIM in a modem: the ICCID (readable before the PIN) names it. When the modem cannot be
 * asked (device not there yet, no SIM, no answer) the SIM last seen in that device is assumed, else the device's
 * own ledger: counting into the wrong SIM's ledger for a while is better than not counting.
 */
public final class SimLedgers {

    private static final Logger LOG = Logs.of(SimLedgers.class);
    private static final Duration ICCID_TIMEOUT = Duration.ofSeconds(15);

    private SimLedgers() {
    }

    /** Asks the modem for the ICCID and remembers it as the device's SIM. */
    public static LedgerKey resolve(CommandRunner runner, String device, boolean proxy, LedgerStore store) {
        return resolve(new QmiClient(runner, device, proxy, ICCID_TIMEOUT), device, store);
    }

    /**
     * As above, asked through {@code qmi}: the service passes its client on the kept DMS id, so a stop that kills
     * the query in flight leaks no client id.
     */
    public static LedgerKey resolve(QmiClient qmi, String device, LedgerStore store) {
        String name = Paths.deviceName(device);
        try {
            LedgerKey key = LedgerKey.sim(qmi.iccid().value());
            store.rememberKey(name, key);
            return key;
        } catch (RuntimeException e) {
            LOG.debug("no ICCID from {} ({}): using the SIM last seen there, else the device", device, e.getMessage());
            return store.lastKeyOf(name).orElse(LedgerKey.device(name));
        }
    }

    /**
     * {@code up}'s refusal in a capped period: when a ledger here has a cap (else nothing is asked), the SIM's
     * ledger is found and, if its cap is used up in the current period, CAP_REACHED naming the reset date.
     */
    public static void refuseIfCapped(CommandRunner runner, String device, boolean proxy, LedgerStore store,
                                      Instant now, ZoneId zone) {
        if (!store.anyCapped()) {
            return;
        }
        LedgerKey key = resolve(runner, device, proxy, store);
        Optional<SimLedger> ledger = store.load(key);
        if (ledger.isEmpty() || ledger.get().cap().isEmpty()) {
            return;
        }
        DataCap cap = ledger.get().cap().get();
        UsageLedger usage = new UsageAccountant(ledger.get().resetDay(), zone).current(ledger.get().usage(), now);
        if (cap.levelOf(usage.usedBytes()) == DataCap.Level.EXCEEDED) {
            throw new QmiConnException(ExitCode.CAP_REACHED, "data cap " + cap.limit().human() + " of this period is"
                    + " used up (" + new ByteSize(usage.usedBytes()).human() + " used): not connecting until the "
                    + "period resets on " + usage.periodEnd() + " (ledger " + store.file(key) + ")");
        }
    }
}
