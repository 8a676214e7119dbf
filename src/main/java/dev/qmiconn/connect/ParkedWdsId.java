package dev.qmiconn.connect;

import java.util.Optional;

import dev.qmiconn.connect.SessionState.ClientId;
import dev.qmiconn.log.Logs;

/**
 * The service's WDS client id between its own {@code down} and the next {@code up}: the stop keeps the id
 * ({@code --client-no-release-cid}) and it waits in the service's record ({@code <dev>.service.json}), so the next
 * start runs on it at once: one round trip instead of allocate-then-start (a qmicli run and ~40 ms less).
 * <p>
 * The id moves between the session's record and the service's without ever being in neither: it is written to the
 * receiving record first and only then removed from the giving one. A kill -9 in between leaves it in both, and
 * whichever undo comes second finds it already released (InvalidClientId, which {@link Teardown} counts as done);
 * nothing allocates between the two undos (the service releases its record before it allocates; a one-shot
 * {@code up} or {@code down} undoes both under the device lock). The service releases it with its other kept ids
 * when it stops ({@code LinkService#close}), and after a crash the next service, {@code up} or {@code down} does
 * ({@link DownFlow#releaseServiceIds}).
 */
public final class ParkedWdsId {

    private final SessionRecord service;

    public ParkedWdsId(SessionRecord service) {
        this.service = service;
    }

    /** The parked id, if any. */
    public Optional<Integer> peek() {
        return service.state().clientIds().stream().filter(c -> c.service().equals("wds")).map(ClientId::cid)
                .findFirst();
    }

    /** Step 1 of parking: the session's id is also written to the service's record (before the stop keeps it). */
    void receive(int cid) {
        service.update(s -> s.allocated("wds", cid));
    }

    /** The stop that was to keep it failed: the session's record still holds it, the service's lets it go. */
    void giveBack(int cid) {
        service.note(s -> s.released("wds", cid));
    }

    /**
     * Moves the parked id into {@code session} (written there first) and returns it; empty when none is parked.
     */
    Optional<Integer> takeInto(SessionRecord session) {
        Optional<Integer> cid = peek();
        cid.ifPresent(id -> {
            session.update(s -> s.allocated("wds", id));
            service.note(s -> s.released("wds", id));
            Logs.of(ParkedWdsId.class).debug("starting on the parked WDS client id {}", id);
        });
        return cid;
    }
}
