package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.StartNetworkRequest;
import dev.qmiconn.qmi.model.StartedNetwork;

/**
 * The default backend: {@code qmicli --wds-start-network=... --client-no-release-cid}, one WDS client per IP
 * family (several modems reject a single ipv4v6 call; ModemManager and netifd also use two). A failed start
 * still allocated a client id (qmicli prints it) and it is released at once with {@code --wds-noop}.
 */
public final class QmicliBackend {

    private final QmiClient qmi;

    public QmicliBackend(QmiClient qmi) {
        this.qmi = qmi;
    }

    public List<DataSession> start(UpRequest req) {
        List<Integer> families = new ArrayList<>();
        if (req.ipType() == null) {
            families.add(null);
        } else if (req.ipType() == ConnectOptions.IpType.V4V6) {
            families.add(4);
            families.add(6);
        } else {
            families.add(req.ipTypeNumber());
        }
        List<DataSession> started = new ArrayList<>();
        for (Integer family : families) {
            StartNetworkRequest r = new StartNetworkRequest(req.apn(), req.user(), req.password(), req.auth(),
                    family, null, false);
            try {
                StartedNetwork sn = qmi.startNetwork(r);
                if (sn.cid() == null) {
                    throw new IllegalStateException("qmicli started the network but printed no client id");
                }
                started.add(new DataSession(family == null || family == 4 ? "ipv4" : "ipv6", sn.cid(),
                        sn.packetDataHandle()));
            } catch (QmicliException e) {
                String released = e.cid() == null ? "" : release(e.cid());
                stop(started);
                throw new QmiConnException(e.exitCode(), e.getMessage() + released, e);
            } catch (RuntimeException e) {
                stop(started);
                throw e;
            }
        }
        return started;
    }

    private String release(int cid) {
        try {
            qmi.releaseWdsClient(cid);
            return "; WDS client id " + cid + " released";
        } catch (QmiConnException e) {
            return "; releasing WDS client id " + cid + " failed too: " + e.getMessage();
        }
    }

    /**
     * Stops each session with its handle and client id; without {@code --client-no-release-cid} qmicli releases
     * the id too. A session the network already dropped refuses the stop; its id is then released by noop.
     * Returns problems that remain (empty when everything is released).
     */
    public List<String> stop(List<DataSession> sessions) {
        List<String> problems = new ArrayList<>();
        for (DataSession s : sessions) {
            try {
                qmi.stopNetwork(s.packetDataHandle(), s.cid());
            } catch (QmiConnException e) {
                try {
                    qmi.releaseWdsClient(s.cid());
                } catch (QmiConnException again) {
                    problems.add("client id " + s.cid() + ": " + again.getMessage());
                }
            }
        }
        return problems;
    }
}
