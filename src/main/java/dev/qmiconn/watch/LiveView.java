package dev.qmiconn.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.qmiconn.connect.ModemIds;
import dev.qmiconn.connect.RadioReadiness;
import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.connect.StatusReport;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.ConnectionStatus;
import dev.qmiconn.qmi.model.PacketServiceStatus;
import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;

/**
 * What the service knows about the modem without asking it again: the session's state and counters from every
 * poll, and SIM, registration and signal refreshed every {@link #RADIO_EVERY} on the service's kept NAS/UIM
 * client ids; the IMEI and ICCID asked once (kept DMS id) and again only when the modem reappears ({@link ModemIds}
 * keys them by the device node). {@code status} through the service is assembled from this, so it runs no qmicli at all: its
 * connection line is at most one poll old, its signal at most {@link #RADIO_EVERY} plus one poll.
 */
public final class LiveView {

    public static final Duration RADIO_EVERY = Duration.ofSeconds(10);

    private final Supplier<QmiClient> renew;
    private volatile QmiClient radio;
    private boolean forgotten;
    private final Path device;
    private final Path idsCache;
    private volatile StatusReport.Ids ids;
    private java.util.Optional<String> idsAskedOn;
    private volatile StatusFlow.Parts parts = new StatusFlow.Parts(null, null, null, null, null, null, null,
            List.of("the service has not asked the modem yet"));
    private Instant radioAt = Instant.MIN;

    /**
     * {@code radio}: a client keeping the service's NAS, UIM and DMS ids (see {@link QmiClient#keeping});
     * {@code renew}: fresh kept ids, for a modem that has forgotten them (it was replugged or reset);
     * {@code idsCache}: {@link ModemIds#cacheFile}, shared with a standalone {@code status}.
     */
    public LiveView(QmiClient radio, Supplier<QmiClient> renew, Path device, Path idsCache) {
        this.radio = radio;
        this.renew = renew;
        this.device = device;
        this.idsCache = idsCache;
    }

    public StatusFlow.Parts parts() {
        return parts;
    }

    /** The client on the service's kept NAS, UIM and DMS ids (renewed when the modem forgot them). */
    public QmiClient radio() {
        return radio;
    }

    /**
     * The client for the watch loop's own queries (roaming, ICCID, radio cycle) on the kept ids: the stop hook
     * kills whatever qmicli runs, and one killed on a fresh id would leak that id. A kept id the modem forgot is
     * asked on a fresh one until the next radio refresh renews them.
     */
    public QmiClient queries() {
        return radio.orFresh();
    }

    /**
     * Registration and signal as read at the last radio refresh, if that was at most {@link #RADIO_EVERY} plus
     * {@code slack} before {@code now} and found the modem registered with a usable signal (see
     * {@link RadioReadiness#readyFrom}); else empty, and {@code up} asks the modem.
     */
    public synchronized java.util.Optional<RadioReadiness.Radio> recentRadio(Instant now, Duration slack) {
        if (radioAt.equals(Instant.MIN) || now.isBefore(radioAt)
                || Duration.between(radioAt, now).compareTo(RADIO_EVERY.plus(slack)) > 0) {
            return java.util.Optional.empty();
        }
        return RadioReadiness.readyFrom(parts.servingSystem(), parts.signal());
    }

    /** The modem's IMEI and the SIM's ICCID; null until the first radio refresh. */
    public StatusReport.Ids ids() {
        return ids;
    }

    /** Called by the watch loop after each poll; refreshes the radio part when it is due. */
    synchronized void session(boolean connected, PacketStatistics stats, Instant now) {
        StatusFlow.Parts p = parts;
        List<String> errors = new ArrayList<>();
        StatusReport.Libqmi libqmi = p.libqmi();
        CardStatus card = p.card();
        ServingSystem ss = p.servingSystem();
        SignalStrength sig = p.signal();
        if (forgotten) {
            // a modem that went away and came back (or reset) knows none of the kept ids: InvalidClientId
            forgotten = false;
            radio = renew.get();
            idsAskedOn = null; // and it may be another modem: ask for its ids again
            radioAt = Instant.MIN;
        }
        if (Duration.between(radioAt, now).compareTo(RADIO_EVERY) >= 0) {
            radioAt = now;
            libqmi = libqmi != null ? libqmi : attempt(errors, () -> StatusFlow.libqmi(radio));
            card = attempt(errors, radio::cardStatus);
            ss = attempt(errors, radio::servingSystem);
            sig = attempt(errors, radio::signalStrength);
            java.util.Optional<String> node = ModemIds.nodeKey(device);
            if (ids == null || !node.equals(idsAskedOn)) { // at start, and when the modem has reappeared
                idsAskedOn = node;
                ids = ModemIds.lookup(radio, device, idsCache);
            }
        } else {
            errors.addAll(p.errors().stream().filter(e -> !e.startsWith("the service has not")).toList());
        }
        parts = new StatusFlow.Parts(libqmi, card, ss, sig,
                new PacketServiceStatus(connected ? ConnectionStatus.CONNECTED : ConnectionStatus.DISCONNECTED),
                connected ? stats : null, null, errors);
    }

    /** {@code up} has just connected: the session part says so until the next poll asks the modem. */
    synchronized void connectedByUp() {
        StatusFlow.Parts p = parts;
        parts = new StatusFlow.Parts(p.libqmi(), p.card(), p.servingSystem(), p.signal(),
                new PacketServiceStatus(ConnectionStatus.CONNECTED), null, null, p.errors());
    }

    private <T> T attempt(List<String> errors, Supplier<T> query) {
        try {
            return query.get();
        } catch (QmiConnException e) {
            forgotten |= e instanceof QmicliException q && "InvalidClientId".equals(q.failure().qmiErrorName());
            errors.add(e.getMessage());
            return null;
        }
    }
}
