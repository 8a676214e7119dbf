package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.ConnectionStatus;

/**
 * How up and down read the state file. A damaged one does not block them: it is moved aside (one line says so),
 * what it still names is undone ({@link StateSalvage}), and since the client ids it held cannot be known, a CTL
 * sync ({@code qmicli --device-open-sync --dms-noop}) releases every client id on the modem, which also ends a
 * session whose id was lost. Through qmi-proxy other programs (ModemManager) share the modem and would lose
 * their ids too, so there it is left to the user, with the command to run.
 */
final class StateRecovery {

    private final StateStore store;
    private final String device;
    private final Paths paths;
    private final PrintWriter out;
    private boolean damaged;

    StateRecovery(StateStore store, String device, Paths paths, PrintWriter out) {
        this.store = store;
        this.device = device;
        this.paths = paths;
        this.out = out;
    }

    Optional<SessionState> read() {
        try {
            return store.read();
        } catch (StateStore.DamagedStateException e) {
            damaged = true;
            Path aside = store.moveAside();
            SessionState salvaged = StateSalvage.from(e.text(), device, paths);
            out.println("state file " + store.file() + " was damaged (" + e.reason() + "), moved to " + aside
                    + "; stopping " + (salvaged.sessions().isEmpty() ? "" : UpReport.describe(salvaged)
                    + " and ") + "every client id on " + device);
            out.flush();
            return Optional.of(salvaged);
        }
    }

    boolean damaged() {
        return damaged;
    }

    /**
     * Undoes a salvaged state: its sessions, its interface and DNS blocks, then the sync and a look at what the
     * modem says. Returns what is still wrong; a failed stop of a salvaged id no longer counts once the modem
     * reports no session (the id was stale, or the sync released it).
     */
    List<String> undo(SessionState salvaged, Teardown teardown, QmiClient qmi, boolean proxy) {
        List<String> left = new ArrayList<>(teardown.undo(new SessionRecord(store, salvaged)));
        // ids of the lost state may be stale: they count only if the modem still reports a session after the sync
        List<String> idProblems = left.stream().filter(p -> p.contains("client id")).toList();
        left.removeAll(idProblems);
        String sync = String.join(" ", qmi.syncArgv());
        if (proxy) {
            left.add("client ids of the lost state may still be held; qmi-proxy shares the modem, so release "
                    + "them yourself when nothing else uses it: " + sync);
        } else {
            try {
                qmi.sync();
            } catch (QmiConnException e) {
                left.add("CTL sync (" + sync + ") failed: " + e.getMessage());
            }
        }
        try {
            if (qmi.packetServiceStatus().status() == ConnectionStatus.CONNECTED) {
                left.addAll(idProblems);
                left.add("the modem still reports a data session");
            }
        } catch (QmiConnException e) {
            left.addAll(idProblems);
            left.add("cannot ask the modem whether a session is left: " + e.getMessage());
        }
        if (left.isEmpty()) {
            store.delete();
        }
        return left;
    }

    /**
     * What an earlier run left, stopped before {@code up} starts its own: our own record (a finished session, or one killed half way: its client ids are
     * recorded, so they are released), or a session the guide's {@code qmi-network start} left in
     * /tmp/qmi-network-state-DEV.
     */
    static void reclaimBeforeUp(UpRequest req, StateStore store, Teardown teardown, QmiClient qmi, PrintWriter out) {
        StateRecovery recovery = new StateRecovery(store, req.device(), req.paths(), out);
        recovery.read().or(() -> DownFlow.strayQmiNetworkSession(req.device(), null, req.proxy(), req.paths()))
                .ifPresent(old -> {
                    if (recovery.damaged()) {
                        recovery.undo(old, teardown, qmi, req.proxy() || old.proxy()).forEach(out::println);
                        return;
                    }
                    out.println("a previous " + old.backend() + " session on " + req.device() + " was left ("
                            + UpReport.describe(old) + "); stopping it first");
                    out.flush();
                    teardown.undo(new SessionRecord(store, old));
                });
        List<String> problems = new ArrayList<>();
        String kept = DownFlow.releaseServiceIds(req.device(), req.paths(), teardown, problems);
        problems.forEach(p -> out.println("could not release what a stopped service kept: " + p));
        if (!kept.isEmpty()) {
            out.println(kept.substring(2));
        }
        out.flush();
    }
}
