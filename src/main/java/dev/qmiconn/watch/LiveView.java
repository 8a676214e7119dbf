package dev.qmiconn.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.connect.StatusReport;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.ConnectionStatus;
import dev.qmiconn.qmi.model.PacketServiceStatus;
import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;

/**
 * What the service knows about the modem without asking it again: the session's state and counters from every
 * poll, and SIM, registration and signal refreshed every {@link #RADIO_EVERY} on the service's kept NAS/UIM
 * client ids. {@code status} through the service is assembled from this, so it runs no qmicli at all: its
 * connection line is at most one poll old, its signal at most {@link #RADIO_EVERY} plus one poll.
 */
public final class LiveView {

    public static final Duration RADIO_EVERY = Duration.ofSeconds(10);

    private final QmiClient radio;
    private volatile StatusFlow.Parts parts = new StatusFlow.Parts(null, null, null, null, null, null, null,
            List.of("the service has not asked the modem yet"));
    private Instant radioAt = Instant.MIN;

    /** {@code radio}: a client keeping the service's NAS and UIM ids (see {@link QmiClient#keeping}). */
    public LiveView(QmiClient radio) {
        this.radio = radio;
    }

    public StatusFlow.Parts parts() {
        return parts;
    }

    /** Called by the watch loop after each poll; refreshes the radio part when it is due. */
    synchronized void session(boolean connected, PacketStatistics stats, Instant now) {
        StatusFlow.Parts p = parts;
        List<String> errors = new ArrayList<>();
        StatusReport.Libqmi libqmi = p.libqmi();
        CardStatus card = p.card();
        ServingSystem ss = p.servingSystem();
        SignalStrength sig = p.signal();
        if (Duration.between(radioAt, now).compareTo(RADIO_EVERY) >= 0) {
            radioAt = now;
            libqmi = libqmi != null ? libqmi : attempt(errors, () -> StatusFlow.libqmi(radio));
            card = attempt(errors, radio::cardStatus);
            ss = attempt(errors, radio::servingSystem);
            sig = attempt(errors, radio::signalStrength);
        } else {
            errors.addAll(p.errors().stream().filter(e -> !e.startsWith("the service has not")).toList());
        }
        parts = new StatusFlow.Parts(libqmi, card, ss, sig,
                new PacketServiceStatus(connected ? ConnectionStatus.CONNECTED : ConnectionStatus.DISCONNECTED),
                connected ? stats : null, null, errors);
    }

    private static <T> T attempt(List<String> errors, Supplier<T> query) {
        try {
            return query.get();
        } catch (QmiConnException e) {
            errors.add(e.getMessage());
            return null;
        }
    }
}
