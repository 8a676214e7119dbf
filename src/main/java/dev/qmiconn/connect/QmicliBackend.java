package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliErrors;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.StartNetworkRequest;
import dev.qmiconn.qmi.model.StartedNetwork;

/**
 * The default backend: one WDS client per IP family (several modems reject a single ipv4v6 call; ModemManager
 * and netifd also use two), each allocated and recorded first ({@link SessionRecord#allocate}), then the call
 * started on it with {@code --client-cid=N --client-no-release-cid}. A kill at any instant therefore leaves an id
 * the next run knows; a failed start releases its id at once.
 */
public final class QmicliBackend {

    private final QmiClient qmi;
    private final java.io.PrintWriter out;
    private ParkedWdsId parking;

    public QmicliBackend(QmiClient qmi, java.io.PrintWriter out) {
        this.qmi = qmi;
        this.out = out;
    }

    /**
     * The service's {@code up}: a single-family start runs on the WDS id its last {@code down} kept
     * ({@link ParkedWdsId}), moved into the session's record first; a modem that forgot it (reset, CTL sync) gets
     * a fresh one.
     */
    public QmicliBackend startingOnParked(ParkedWdsId p) {
        this.parking = p;
        return this;
    }

    /** Starts every family of the request; on failure releases the id of the start that failed. */
    public List<DataSession> start(UpRequest req, SessionRecord rec) {
        List<DataSession> started = new ArrayList<>();
        List<Integer> families = families(req);
        for (Integer family : families) {
            StartNetworkRequest r = new StartNetworkRequest(req.apn(), req.user(), req.password(), req.auth(),
                    family, null, false);
            Optional<Integer> parked = parking != null && families.size() == 1 ? parking.takeInto(rec)
                    : Optional.empty();
            DataSession s = startOne(rec, r, family, parked.orElseGet(() -> rec.allocate(qmi, "wds")),
                    parked.isPresent(), req.proxy());
            rec.update(x -> x.withSession(s));
            started.add(s);
        }
        return started;
    }

    private DataSession startOne(SessionRecord rec, StartNetworkRequest r, Integer family, int cid, boolean parked,
                                 boolean proxy) {
        StartedNetwork sn;
        try {
            bind(cid, family);
            sn = qmi.startNetwork(r, cid);
        } catch (QmicliException e) {
            if (parked && e.result() != null && QmicliErrors.staleClientId(e.result())) {
                rec.update(x -> x.released("wds", cid)); // gone with the modem's memory: nothing to release
                return startOne(rec, r, family, rec.allocate(qmi, "wds"), false, proxy);
            }
            if (!unrecordedCall(e, proxy)) {
                throw failed(e, rec, cid);
            }
            int fresh = reclaim(rec, cid);
            try {
                bind(fresh, family);
                sn = qmi.startNetwork(r, fresh);
            } catch (QmicliException again) {
                throw failed(again, rec, fresh);
            }
            return session(family, fresh, sn);
        }
        return session(family, cid, sn);
    }

    private static DataSession session(Integer family, int cid, StartedNetwork sn) {
        return new DataSession(family == null || family == 4 ? "ipv4" : "ipv6", cid, sn.packetDataHandle());
    }

    /**
     * A WDS client answers settings and status for the IP family it is bound to (IPv4 until set), so with an
     * explicit --ip-type each client is bound to its family between allocation and start, as ModemManager and
     * uqmi do (the IPv6 settings of a 4v6 call are then read on the IPv6 client). Without --ip-type nothing is
     * bound: the modem's default, one qmicli run fewer.
     */
    private void bind(int cid, Integer family) {
        if (family != null) {
            qmi.setIpFamily(cid, family);
        }
    }

    /**
     * NoEffect on start means a call is already up that no record names (the guide's qmi-network, a killed older
     * qmi-conn, another tool). Its id is unknown, so only a CTL sync frees it (and takes the call down). Through
     * qmi-proxy a sync would free ModemManager's ids too, so there the error stands.
     */
    private static boolean unrecordedCall(QmicliException e, boolean proxy) {
        return !proxy && "NoEffect".equals(e.failure().qmiErrorName());
    }

    /** Syncs the device (which also frees our own id) and allocates a fresh recorded id. */
    private int reclaim(SessionRecord rec, int cid) {
        out.println("a data session nothing recorded is up on the modem: freeing every client id (CTL sync) and "
                + "starting again");
        out.flush();
        rec.update(x -> x.released("wds", cid).allocating("wds"));
        qmi.sync();
        rec.update(x -> x.allocating(null));
        return rec.allocate(qmi, "wds");
    }

    private QmiConnException failed(QmicliException e, SessionRecord rec, int cid) {
        return new QmiConnException(e.exitCode(), e.getMessage() + release(rec, cid), e);
    }

    private static List<Integer> families(UpRequest req) {
        List<Integer> families = new ArrayList<>();
        if (req.ipType() == null) {
            families.add(null);
        } else if (req.ipType() == ConnectOptions.IpType.V4V6) {
            families.add(4);
            families.add(6);
        } else {
            families.add(req.ipTypeNumber());
        }
        return families;
    }

    private String release(SessionRecord rec, int cid) {
        try {
            rec.release(qmi, "wds", cid);
            return "; WDS client id " + cid + " released";
        } catch (QmiConnException e) {
            return "; releasing WDS client id " + cid + " failed too (it stays recorded for down): "
                    + e.getMessage();
        }
    }
}
