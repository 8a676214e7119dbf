package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.qmi.QmiClient;

/**
 * Undoes what {@code up} did, in reverse, for {@code down} and for a failed {@code up}: stop the session(s) and
 * release the client ids, flush addresses and routes and take the link down, take the DNS servers back from the
 * backend that holds them (and any marker block an older qmi-conn left), remove the
 * state file. Every step runs even when an earlier one failed; what could not be undone is returned so the
 * caller can say so instead of leaving a silent half-up state.
 */
public final class Teardown {

    private final QmiClient qmi;
    private final QmiNetworkBackend qmiNetwork;
    private final NetConfig net;
    private final Dns dns;

    public Teardown(QmiClient qmi, QmiNetworkBackend qmiNetwork, NetConfig net, Dns dns) {
        this.qmi = qmi;
        this.qmiNetwork = qmiNetwork;
        this.net = net;
        this.dns = dns;
    }

    /** Stops the data session(s) only. */
    public List<String> stopSession(SessionState s) {
        List<String> problems = new ArrayList<>();
        if (Backend.fromWord(s.backend()) == Backend.QMI_NETWORK) {
            List<String> viaScript = qmiNetwork.stop(s.device(), Paths.deviceName(s.device()));
            if (viaScript.isEmpty()) {
                return problems;
            }
            // qmi-network lost its own state file: stop with the CID and handle we saved from it
        }
        problems.addAll(new QmicliBackend(qmi).stop(s.sessions()));
        return problems;
    }

    public List<String> undo(SessionState s, StateStore store) {
        List<String> problems = new ArrayList<>(stopSession(s));
        if (s.iface() != null) {
            // flush failures on an interface that is gone are not problems worth reporting
            net.flush(s.iface());
        }
        String tag = Paths.deviceName(s.device());
        try {
            problems.addAll(dns.revert(tag));
            if (s.resolvHead() != null) {
                DnsBlock.remove(java.nio.file.Path.of(s.resolvHead()), tag);
            }
            if (s.resolvConf() != null) {
                DnsBlock.remove(java.nio.file.Path.of(s.resolvConf()), tag);
            }
        } catch (RuntimeException e) {
            problems.add("DNS block: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            store.delete();
        }
        return problems;
    }
}
