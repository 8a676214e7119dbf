package dev.qmiconn.connect;

import java.io.PrintWriter;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.operator.ApnChoice;
import dev.qmiconn.operator.ApnSelection;
import dev.qmiconn.operator.HomeOperator;
import dev.qmiconn.operator.ProviderDatabase;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Imsi;
import dev.qmiconn.qmi.model.ServingSystem;

/**
 * No APN anywhere (no --apn, none in the profile): the SIM's home operator (IMSI plus NAS home network, see
 * {@link HomeOperator}) looked up in mobile-broadband-provider-info, as NetworkManager's wizard does, but keyed
 * by the SIM, not the serving network, so a roaming SIM still gets its home APN.
 */
public final class ApnFromSim {

    private ApnFromSim() {
    }

    /**
     * The request unchanged when it has an APN; else with the database's choice filled in and one line on
     * {@code out} saying which and why. Needs the SIM unlocked (the IMSI is behind PIN1).
     *
     * @throws QmiConnException BAD_INPUT naming the operator when the database has no APN for it
     */
    public static UpRequest fill(UpRequest req, QmiClient qmi, ServingSystem ss, PrintWriter out) {
        if (req.apn() != null) {
            return req;
        }
        Found f = find(qmi, ss, req.providerDatabase());
        out.println(f.choice().describe() + " (" + f.home().how() + ")");
        return req.withApn(f.choice());
    }

    /** What {@code up} would pick, for doctor too. */
    public record Found(Imsi imsi, HomeNetwork homeNetwork, HomeOperator home, ApnChoice choice) {
    }

    public static Found find(QmiClient qmi, ServingSystem ss, java.nio.file.Path database) {
        Imsi imsi = qmi.imsi();
        HomeNetwork homeNetwork = null;
        try {
            homeNetwork = qmi.homeNetwork();
        } catch (QmicliException e) {
            // some firmware has no NAS Get Home Network; the serving network or both MNC lengths stand in
        }
        boolean atHome = ss != null && ss.registered() && !Boolean.TRUE.equals(ss.roaming());
        HomeOperator home = HomeOperator.of(imsi, homeNetwork, atHome ? ss.plmn() : null);
        ProviderDatabase db = ProviderDatabase.read(database);
        HomeNetwork named = homeNetwork;
        ApnChoice choice = ApnSelection.select(home, db).orElseThrow(() -> new QmiConnException(ExitCode.BAD_INPUT,
                "no APN given and the SIM's operator " + home.describe()
                        + (named != null && !named.description().isBlank() ? " (" + named.description() + ")" : "")
                        + " is not in the provider database " + database + ": give --apn NAME (or APN= in the profile)"));
        return new Found(imsi, homeNetwork, home, choice);
    }
}
