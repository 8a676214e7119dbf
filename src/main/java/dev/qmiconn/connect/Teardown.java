package dev.qmiconn.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.SessionState.ClientId;
import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;

/**
 * Undoes what the record says, in reverse, for {@code down}, a failed or interrupted {@code up}, and a service
 * that finds what an earlier instance left: stop the data sessions, release every recorded client id, free an id
 * whose allocation was interrupted with a CTL sync, flush the interface, take the DNS servers back from the backend
 * that holds them (and any marker block an older qmi-conn left). Each step is
 * written to the record as it completes, so a kill during the teardown leaves the rest for the next run. Every
 * step runs even when an earlier one failed; what could not be undone is returned.
 */
public final class Teardown {

    private final QmiClient qmi;
    private final QmiNetworkBackend qmiNetwork;
    private final NetConfig net;
    private final Dns dns;
    private ParkedWdsId parking;

    public Teardown(QmiClient qmi, QmiNetworkBackend qmiNetwork, NetConfig net, Dns dns) {
        this.qmi = qmi;
        this.qmiNetwork = qmiNetwork;
        this.net = net;
        this.dns = dns;
    }

    /**
     * The service's own {@code down}: a single data session's stop keeps its WDS id and parks it in the service's
     * record for the next {@code up} ({@link ParkedWdsId}) instead of releasing it.
     */
    public Teardown parkingIn(ParkedWdsId p) {
        this.parking = p;
        return this;
    }

    /** Stops the data sessions and releases their client ids; kept query ids stay. */
    public List<String> stopSessions(SessionRecord rec) {
        List<String> problems = new ArrayList<>();
        SessionState s = rec.state();
        if (Backend.QMI_NETWORK.word().equals(s.backend()) && !s.sessions().isEmpty()) {
            if (qmiNetwork.stop(s.device(), Paths.deviceName(s.device())).isEmpty()) {
                s.sessions().forEach(d -> rec.note(x -> x.released("wds", d.cid())));
                return problems;
            }
            // qmi-network lost its own state file: stop with the CID and handle we saved from it
        }
        boolean mayPark = parking != null && s.sessions().size() == 1 && s.pending() == null
                && !Backend.QMI_NETWORK.word().equals(s.backend()) && parking.peek().isEmpty();
        for (DataSession d : s.sessions()) {
            if (mayPark && parked(rec, d, problems)) {
                continue;
            }
            try {
                qmi.stopNetwork(d.packetDataHandle(), d.cid()); // without --client-no-release-cid: releases too
                rec.note(x -> x.released("wds", d.cid()));
            } catch (QmiConnException e) {
                // a call the network already dropped refuses the stop; releasing the id is what matters
                release(rec, new ClientId("wds", d.cid()), problems);
            }
        }
        return problems;
    }

    /**
     * Stops the call keeping its id, written to the service's record before the stop and removed from the
     * session's after it. Done (true) unless the service's record could not be written: then the ordinary stop
     * runs. A refused stop (the network dropped the call already) gives the id back to the session's record
     * alone and releases it, as the ordinary stop does.
     */
    private boolean parked(SessionRecord rec, DataSession d, List<String> problems) {
        try {
            parking.receive(d.cid());
        } catch (RuntimeException e) {
            return false;
        }
        try {
            qmi.stopNetworkKeepingId(d.packetDataHandle(), d.cid());
        } catch (QmiConnException e) {
            parking.giveBack(d.cid());
            release(rec, new ClientId("wds", d.cid()), problems);
            return true;
        }
        rec.note(x -> x.released("wds", d.cid()));
        return true;
    }

    /** Everything: sessions, every recorded client id, an interrupted allocation, addresses, DNS, the file. */
    public List<String> undo(SessionRecord rec) {
        boolean hadSession = !rec.state().sessions().isEmpty();
        List<String> problems = new ArrayList<>(stopSessions(rec));
        for (ClientId id : rec.state().clientIds()) {
            release(rec, id, problems);
        }
        if (rec.state().pending() != null) {
            problems.addAll(syncInterruptedAllocation(rec));
        }
        SessionState s = rec.state();
        if (s.iface() != null && (hadSession || s.addressing() != null)) {
            net.flush(s.iface()); // a failed DHCP may have left an address; a gone interface has nothing to flush
        }
        String tag = Paths.deviceName(s.device());
        try {
            if (hadSession || s.addressing() != null) { // a record of kept query ids holds no DNS
                problems.addAll(dns.revert(tag));
            }
            if (s.dnsFiles() != null && s.dnsFiles().resolvHead() != null) {
                DnsBlock.remove(Path.of(s.dnsFiles().resolvHead()), tag);
            }
            if (s.dnsFiles() != null && s.dnsFiles().resolvConf() != null) {
                DnsBlock.remove(Path.of(s.dnsFiles().resolvConf()), tag);
            }
        } catch (RuntimeException e) {
            problems.add("DNS block: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            rec.forget();
        } else if (s.addressing() != null) {
            rec.note(SessionState::idle);
        }
        return problems;
    }

    private void release(SessionRecord rec, ClientId id, List<String> problems) {
        try {
            rec.release(qmi, id.service(), id.cid());
        } catch (QmiConnException e) {
            if (e instanceof QmicliException q && "InvalidClientId".equals(q.failure().qmiErrorName())) {
                rec.note(x -> x.released(id.service(), id.cid())); // already gone (modem reset, sync)
            } else {
                problems.add(id.service() + " client id " + id.cid() + ": " + e.getMessage());
            }
        }
    }

    /**
     * A run was killed while qmicli allocated a client id: the modem may hold an id nobody ever printed. A CTL
     * sync releases every id on the device; through qmi-proxy that would also take ModemManager's, so there the
     * marker stays and the user is told.
     */
    private List<String> syncInterruptedAllocation(SessionRecord rec) {
        String service = rec.state().pending();
        if (rec.state().proxy()) {
            return List.of("a " + service + " client id may be held since an allocation was interrupted; through "
                    + "qmi-proxy qmi-conn does not sync (it would free other programs' ids too): restart the modem"
                    + " or run " + String.join(" ", qmi.syncArgv()));
        }
        try {
            qmi.sync();
            rec.note(x -> new SessionState(x.format(), x.link(), x.phase(), null, List.of(), List.of(),
                    x.addressing(), x.dnsFiles()));
            return List.of();
        } catch (QmiConnException e) {
            return List.of("CTL sync after an interrupted " + service + " allocation: " + e.getMessage());
        }
    }
}
