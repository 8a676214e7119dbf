package dev.qmiconn.connect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;

/**
 * The NAS and UIM client ids a one-shot {@code up} keeps in its record, so the radio queries of {@code up} and of
 * every later {@code status} take one QMI round trip each instead of three (allocate, ask, release: libqmi 1.32
 * allocates and releases a fresh id per qmicli run unless {@code --client-cid=N --client-no-release-cid}). Each id
 * is recorded before use ({@link SessionRecord#allocate}); {@code down} releases them with everything else
 * ({@link Teardown#undo}). The service keeps its own query ids ({@code dev.qmiconn.service.LinkService}).
 */
final class KeptQueryIds {

    static final List<String> SERVICES = List.of("nas", "uim");

    private KeptQueryIds() {
    }

    /**
     * Allocates and records a NAS and a UIM id; returns the client that uses them. A modem that refuses one
     * with a QMI error (ClientIdsExhausted, no such service) leaves that service on fresh ids. Any other failure
     * (killed, timed out: the outcome is unknown, and a SIGTERM's undo is under way) fails {@code up} as before.
     */
    static QmiClient allocate(SessionRecord rec, QmiClient qmi) {
        Map<String, Integer> ids = new HashMap<>();
        for (String service : SERVICES) {
            try {
                ids.put(service, rec.allocate(qmi, service));
            } catch (QmicliException e) {
                if (SessionRecord.outcomeUnknown(e) || e.failure().qmiErrorName() == null) {
                    throw e;
                }
                LoggerFactory.getLogger(KeptQueryIds.class).debug("no kept {} id: {}", service, e.getMessage());
            }
        }
        return qmi.keeping(ids);
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
