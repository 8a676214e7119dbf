package dev.qmiconn.watch;

import java.util.Optional;

import dev.qmiconn.connect.RoamingPolicy;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.ServingSystem;

/**
 * With roaming denied ({@link RoamingPolicy}), one {@code --nas-get-serving-system} per poll says whether the
 * link must be held down. An unanswered query holds nothing (the session probe judges the link).
 */
final class RoamingGuard {

    private final CommandRunner runner;
    private final String device;
    private final boolean proxy;
    private final RoamingPolicy.Mode mode;

    RoamingGuard(CommandRunner runner, String device, boolean proxy, RoamingPolicy.Mode mode) {
        this.runner = runner;
        this.device = device;
        this.proxy = proxy;
        this.mode = mode;
    }

    /**
     * Why the link must stay down now (registered roaming on a denied network), or empty to go on. {@code kept}:
     * the service's client on its kept NAS id (a stop that kills this query in flight leaks no id), or null to
     * ask on a fresh one (ensure, which nothing kills mid-poll).
     */
    Optional<String> holdReason(QmiClient kept) {
        if (mode != RoamingPolicy.Mode.DENY) {
            return Optional.empty();
        }
        ServingSystem ss;
        try {
            ss = (kept != null ? kept : new QmiClient(runner, device, proxy, SessionProbe.QMICLI_TIMEOUT))
                    .servingSystem();
        } catch (QmiConnException e) {
            return Optional.empty();
        }
        if (RoamingPolicy.decide(mode, ss.roaming()) == RoamingPolicy.Decision.CONNECT) {
            return Optional.empty();
        }
        return Optional.of("registered roaming on " + RoamingPolicy.network(ss.plmn())
                + "; link down until home again (--roaming deny)");
    }
}
