package dev.qmiconn.connect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;

import dev.qmiconn.log.Logs;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.process.Ahead;

/**
 * The NAS and UIM client ids a one-shot {@code up} keeps in its record, so the radio queries of {@code up} and of
 * every later {@code status} take one QMI round trip each instead of three (allocate, ask, release: libqmi 1.32
 * allocates and releases a fresh id per qmicli run unless {@code --client-cid=N --client-no-release-cid}). Each id
 * is recorded before use ({@link SessionRecord#allocate}); {@code down} releases them with everything else
 * ({@link Teardown#undo}). The service keeps its own query ids ({@code dev.qmiconn.service.LinkService}).
 * <p>
 * {@code up} itself needs the UIM id only when the radio is not ready at once (card status, PIN); otherwise it is
 * kept for {@code status} alone and allocated {@link #meanwhile while DHCP runs}, when nothing else talks QMI.
 */
final class KeptQueryIds {

    static final List<String> SERVICES = List.of("nas", "uim");

    private final SessionRecord rec;
    private final QmiClient qmi;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<String, Boolean> asked = new ConcurrentHashMap<>();
    private FutureTask<Void> meanwhile;

    KeptQueryIds(SessionRecord rec, QmiClient qmi) {
        this.rec = rec;
        this.qmi = qmi;
    }

    /**
     * Allocates and records an id of each service not asked for yet; returns the client that uses every id kept
     * so far. A modem that refuses one with a QMI error (ClientIdsExhausted, no such service) leaves that service
     * on fresh ids. Any other failure (killed, timed out: the outcome is unknown, and a SIGTERM's undo is under
     * way) fails {@code up} as before.
     */
    QmiClient allocate(String... services) {
        for (String service : services) {
            if (asked.putIfAbsent(service, true) != null) {
                continue;
            }
            try {
                ids.put(service, rec.allocate(qmi, service));
            } catch (QmicliException e) {
                rethrowUnlessRefused(e);
                Logs.of(KeptQueryIds.class).debug("no kept {} id: {}", service, e.getMessage());
            }
        }
        return qmi.keeping(Map.copyOf(ids));
    }

    /**
     * The NAS id and {@code up}'s first question on it, the serving system, in one qmicli run (allocate and ask,
     * the id printed after the answer and recorded as {@link #allocate} records one): a process and its start-up
     * fewer. Null when the answer must be asked again: a QMI error (no id, or the query refused; an id it printed is
     * kept all the same), which the next ask meets, or not, in its own words.
     */
    ServingSystem nasWithServingSystem() {
        if (asked.putIfAbsent("nas", true) != null) {
            return null;
        }
        try {
            QmiClient.Kept<ServingSystem> k = rec.allocateAsking("nas",
                    qmi::servingSystemOnNewId);
            if (k.cid() != null) {
                ids.put("nas", k.cid());
            }
            return k.answer();
        } catch (QmicliException e) {
            rethrowUnlessRefused(e);
            rec.state().keptCid("nas").ifPresent(c -> ids.put("nas", c));
            Logs.of(KeptQueryIds.class).debug("serving system on a new nas id: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Starts allocating the ids of {@code services} not kept yet on a thread, for a stretch of {@code up} that
     * sends no QMI message (link up, udhcpc: one qmicli at a time per device node, its replies go to whichever
     * reader takes them). {@link #await} ends that stretch. The id is recorded before use as ever, and a SIGTERM
     * meanwhile kills its qmicli: {@link SessionRecord#close} waits for the marker to be settled.
     */
    void meanwhile(String... services) {
        if (meanwhile == null && Arrays.stream(services).anyMatch(s -> !asked.containsKey(s))) {
            meanwhile = Ahead.start("qmi-conn-kept-ids", new FutureTask<>(() -> {
                allocate(services);
                return null;
            }));
        }
    }

    /** Waits for {@link #meanwhile}'s allocation, failing as it failed; after it, QMI is ours alone again. */
    void await() {
        if (meanwhile == null) {
            return;
        }
        Ahead.get(meanwhile, "a client id was being allocated");
    }

    /** As {@link #await} but never fails: before an undo, which must see every id the record will hold. */
    void settle() {
        try {
            await();
        } catch (RuntimeException ignored) {
            // the failure that matters is the one being undone; this allocation's marker or id is in the record
        }
    }

    /**
     * A QMI error (ClientIdsExhausted, no such service, the query refused) leaves that service on fresh ids; any
     * other failure (killed, timed out: the outcome is unknown, and a SIGTERM's undo is under way) fails {@code up}.
     */
    private static void rethrowUnlessRefused(QmicliException e) {
        if (SessionRecord.outcomeUnknown(e) || e.failure().qmiErrorName() == null) {
            throw e;
        }
    }

    /** The ids a saved record keeps for queries (none for a record without them, e.g. an older qmi-conn's). */
    static Map<String, Integer> of(Optional<SessionState> state) {
        Map<String, Integer> ids = new HashMap<>();
        state.ifPresent(s -> SERVICES.forEach(service -> s.keptCid(service).ifPresent(c -> ids.put(service, c))));
        return ids;
    }

    /** Whether {@code state} holds more than kept query ids: a WDS id, a session, an allocation under way. */
    static boolean holdsSession(SessionState state) {
        return state.pending() != null && !SERVICES.contains(state.pending())
                || state.clientIds().stream().anyMatch(c -> !SERVICES.contains(c.service()))
                || !state.sessions().isEmpty() || state.addressing() != null;
    }
}
