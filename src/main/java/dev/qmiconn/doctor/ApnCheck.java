package dev.qmiconn.doctor;

import java.nio.file.Path;

import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.operator.ApnSelection;
import dev.qmiconn.operator.HomeOperator;
import dev.qmiconn.operator.ProviderDatabase;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Imsi;
import dev.qmiconn.qmi.model.ServingSystem;

/**
 * What {@code up} without --apn would use: the SIM's home operator (IMSI, NAS home network) looked up in the
 * provider database under the root, exactly as {@code up} does (connect's ApnFromSim). Two more qmicli runs
 * ({@code --dms-uim-get-imsi}, {@code --nas-get-home-network}), only with a SIM that is ready.
 */
final class ApnCheck {

    private ApnCheck() {
    }

    static Finding apn(SystemRoot sys, String dev, QmiClient client, ServingSystem ss) {
        Imsi imsi;
        try {
            imsi = client.imsi();
        } catch (QmiConnException e) {
            return Finding.warn("apn", "could not read the SIM's IMSI, so up without --apn cannot look its APN up ("
                    + e.getMessage() + ")", "qmi-conn up --apn NAME   (the APN your carrier gives)");
        }
        HomeNetwork home = homeNetwork(client);
        boolean atHome = ss != null && ss.registered() && !Boolean.TRUE.equals(ss.roaming());
        HomeOperator op = HomeOperator.of(imsi, home, atHome ? ss.plmn() : null);
        Path db = sys.path(ProviderDatabase.DEBIAN.toString());
        ProviderDatabase providers;
        try {
            providers = ProviderDatabase.read(db);
        } catch (QmiConnException e) {
            return Finding.warn("apn", "up without --apn looks the SIM's operator " + op.describe() + " up in "
                    + ProviderDatabase.DEBIAN + ", which cannot be read (" + e.getMessage() + ")",
                    "sudo apt install mobile-broadband-provider-info   (or always give qmi-conn up --apn NAME)");
        }
        String name = home != null && !home.description().isBlank() ? " (" + home.description() + ")" : "";
        return ApnSelection.select(op, providers)
                .map(c -> Finding.ok("apn", "without --apn, up uses " + c.describe() + " (" + op.how() + ")"))
                .orElseGet(() -> Finding.warn("apn", "the SIM's operator " + op.describe() + name + " is not in the provider database: up needs --apn (or APN= in the profile)",
                        "qmi-conn up --apn NAME   (the APN your carrier gives)"));
    }

    /** Null when the modem cannot say: the serving network or both MNC lengths stand in, as in up. */
    private static HomeNetwork homeNetwork(QmiClient client) {
        try {
            return client.homeNetwork();
        } catch (QmicliException e) {
            return null;
        }
    }
}
