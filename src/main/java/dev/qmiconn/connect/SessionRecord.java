package dev.qmiconn.connect;

import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.QmicliFailure;

/**
 * The live {@link SessionState} of one device and its file: every change is written (atomically) before the
 * step it describes acts on the modem, so whoever runs next finds in the file everything there is to undo.
 * Client ids in particular are recorded before use: {@link #allocate} writes a pending marker, allocates, then
 * records the id.
 */
public final class SessionRecord {

    private final StateStore store;
    private SessionState state;
    private boolean closed;

    public SessionRecord(StateStore store, SessionState initial) {
        this.store = store;
        this.state = initial;
    }

    /** The record in the file, if any. */
    public static Optional<SessionRecord> load(StateStore store) {
        return store.read().map(s -> new SessionRecord(store, s));
    }

    public synchronized SessionState state() {
        return state;
    }

    public StateStore store() {
        return store;
    }

    /** Applies {@code change}, writes it, and only then makes it the live state. */
    public synchronized SessionState update(UnaryOperator<SessionState> change) {
        SessionState next = change.apply(state);
        store.write(next);
        state = next;
        return next;
    }

    /**
     * Records progress of an undo (an id released, a session stopped) after the fact. A file that cannot be
     * written then must not stop the undo itself: the live state still follows, and the next write tries again.
     */
    public synchronized void note(UnaryOperator<SessionState> change) {
        state = change.apply(state);
        try {
            store.write(state);
        } catch (RuntimeException e) {
            dev.qmiconn.log.Logs.of(SessionRecord.class).debug("cannot record progress: {}", e.toString());
        }
    }

    /**
     * A new client id of {@code service}, recorded before anyone uses it. When qmicli fails without printing an
     * id nothing was allocated and the marker is cleared; when it was killed or timed out, the marker stays and
     * the next run's {@link Teardown} syncs the device to free the id nobody learned. Holds this record while it
     * runs, so an undo that {@link #close closes} it (SIGTERM's hook) waits for the id to be recorded, and no
     * allocation starts after that undo began.
     */
    public synchronized int allocate(QmiClient qmi, String service) {
        if (closed) {
            throw new QmiConnException(ExitCode.FAILURE, "stopping: no new " + service + " client id is allocated");
        }
        update(s -> s.allocating(service));
        int cid;
        try {
            cid = qmi.allocateClient(service);
        } catch (QmicliException e) {
            if (!outcomeUnknown(e)) {
                Integer leaked = e.cid();
                update(s -> leaked == null ? s.allocating(null) : s.allocating(null).allocated(service, leaked));
            }
            throw e;
        }
        update(s -> s.allocated(service, cid));
        return cid;
    }

    /**
     * As {@link #allocate}, for a query asked on a new id that stays allocated ({@code --client-no-release-cid}
     * without {@code --client-cid}): the marker, the run, then the id it printed, also when the query failed.
     */
    public synchronized <T> QmiClient.Kept<T> allocateAsking(String service,
            java.util.function.Supplier<QmiClient.Kept<T>> ask) {
        if (closed) {
            throw new QmiConnException(ExitCode.FAILURE, "stopping: no new " + service + " client id is allocated");
        }
        update(s -> s.allocating(service));
        QmiClient.Kept<T> got;
        try {
            got = ask.get();
        } catch (QmicliException e) {
            if (!outcomeUnknown(e)) {
                Integer leaked = e.cid();
                update(s -> leaked == null ? s.allocating(null) : s.allocating(null).allocated(service, leaked));
            }
            throw e;
        }
        update(s -> got.cid() == null ? s.allocating(null) : s.allocating(null).allocated(service, got.cid()));
        return got;
    }

    /**
     * Killed (by a signal: SIGTERM to up cancels its qmicli runs), timed out or hung up: the modem may have
     * allocated an id that qmicli never printed.
     */
    static boolean outcomeUnknown(QmicliException e) {
        return outcomeUnknown(e.kind()) || e.result() != null && e.result().exitCode() >= 128;
    }

    static boolean outcomeUnknown(QmicliFailure.Kind kind) {
        return kind == QmicliFailure.Kind.TIMED_OUT || kind == QmicliFailure.Kind.TRANSACTION_TIMEOUT
                || kind == QmicliFailure.Kind.ENDPOINT_HANGUP;
    }

    /** Releases a recorded id and forgets it once released. */
    public void release(QmiClient qmi, String service, int cid) {
        qmi.releaseClient(service, cid);
        note(s -> s.released(service, cid));
    }

    /**
     * No allocation starts from now on; waits for one under way to be recorded (its qmicli killed or done). A
     * shutdown hook calls this before undoing, so the thread it interrupts cannot add ids behind the undo.
     */
    public synchronized void close() {
        closed = true;
    }

    /** Removes the file: nothing is left to undo. */
    public synchronized void forget() {
        try {
            store.delete();
        } catch (RuntimeException e) {
            dev.qmiconn.log.Logs.of(SessionRecord.class).debug("cannot remove the record: {}", e.toString());
        }
    }
}
