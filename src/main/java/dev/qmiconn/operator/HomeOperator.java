package dev.qmiconn.operator;

import java.util.List;

import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Imsi;
import dev.qmiconn.qmi.model.Plmn;

/**
 * The SIM's home operator: MCC and MNC are the IMSI's first 5 or 6 digits, but the IMSI does not say whether the
 * MNC has 2 or 3 digits (the SIM's EF_AD does, which qmicli cannot read in one line). ModemManager reads EF_AD on
 * AT modems; on QMI modems it asks NAS Get Home Network and takes 3 digits when the MNC is 100 or more or the
 * modem flags a PCS digit, else 2 (mm-sim-qmi.c). qmicli prints the home MNC as a plain number and never the
 * PCS flag, so here the IMSI's digits decide: the length whose digits make the number the modem reports
 * (IMSI 310030... with home MNC 30 is 310/030; with 3 it would be 310/03). The serving network stands in when the
 * home network cannot be read and the modem is not roaming. With neither, both lengths are candidates, the
 * 3-digit one first in ITU zone 3 (MCC 3xx, North America and the Caribbean, where 3-digit MNCs are the rule).
 *
 * @param candidates what to look up, best first
 * @param how        one clause saying how the MNC length was decided
 */
public record HomeOperator(List<OperatorId> candidates, String how) {

    public HomeOperator {
        candidates = List.copyOf(candidates);
    }

    /**
     * @param home          NAS home network, null when the modem could not say
     * @param servingAtHome the serving PLMN when the modem is registered and not roaming, else null
     */
    public static HomeOperator of(Imsi imsi, HomeNetwork home, Plmn servingAtHome) {
        OperatorId two = new OperatorId(imsi.mcc(), imsi.mnc(2));
        OperatorId three = new OperatorId(imsi.mcc(), imsi.mnc(3));
        if (home != null) {
            HomeOperator h = byNumber(two, three, home.mcc(), home.mnc(), "the home network");
            if (h != null) {
                return h;
            }
        }
        if (servingAtHome != null) {
            HomeOperator h = byNumber(two, three, Integer.parseInt(servingAtHome.mcc()),
                    Integer.parseInt(servingAtHome.mnc()), "the serving network");
            if (h != null) {
                return h;
            }
        }
        return imsi.mcc().startsWith("3")
                ? new HomeOperator(List.of(three, two), "MNC length unknown, 3 digits tried first for MCC 3xx")
                : new HomeOperator(List.of(two, three), "MNC length unknown, 2 digits tried first");
    }

    private static HomeOperator byNumber(OperatorId two, OperatorId three, int mcc, int mnc, String source) {
        if (mcc != Integer.parseInt(two.mcc())) {
            return null;
        }
        boolean isTwo = Integer.parseInt(two.mnc()) == mnc;
        boolean isThree = Integer.parseInt(three.mnc()) == mnc;
        if (isTwo && isThree) { // only 00/000: ModemManager's rule, no PCS flag seen, so 2 digits first
            return new HomeOperator(List.of(two, three), "MNC " + mnc + " from " + source + " fits 2 and 3 digits");
        }
        if (isThree) {
            return new HomeOperator(List.of(three), "3-digit MNC: " + source + " says " + mnc);
        }
        if (isTwo) {
            return new HomeOperator(List.of(two), "2-digit MNC: " + source + " says " + mnc);
        }
        return null;
    }

    /** The operator as the user should read it: one id, or {@code 310/03 or 310/030}. */
    public String describe() {
        return String.join(" or ", candidates.stream().map(OperatorId::toString).toList());
    }
}
