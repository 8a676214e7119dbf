package dev.qmiconn.connect;

import java.util.Locale;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.model.Plmn;
import dev.qmiconn.qmi.model.ServingSystem;

/**
 * The roaming guard, as ModemManager's {@code allow-roaming=no} and NetworkManager's {@code gsm.home-only}: with
 * roaming denied, no data session while the modem is registered on a visited network. Roaming is what the
 * modem's NAS roaming indicator says ({@code Roaming status: 'on'} in {@code --nas-get-serving-system}); no
 * indicator counts as home, as in ModemManager. Pure: {@code up} and watch ask it, it asks nobody.
 */
public final class RoamingPolicy {

    /** {@code --roaming allow|deny}. */
    public enum Mode {
        ALLOW, DENY;

        public static Mode fromWord(String w) {
            try {
                return valueOf(w.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--roaming must be allow or deny, not '" + w + "'");
            }
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What to do with the link now. */
    public enum Decision {
        /** At home, or roaming allowed: connect / stay connected. */
        CONNECT,
        /** Roaming and roaming denied: do not connect; take an existing link down. */
        STAY_DOWN;

        public String word() {
            return this == CONNECT ? "connect" : "stay-down";
        }
    }

    private RoamingPolicy() {
    }

    /** The mode in force: the one given, else deny when a data cap is set (roaming is where a bill explodes). */
    public static Mode effective(Mode given, boolean capSet) {
        if (given != null) {
            return given;
        }
        return capSet ? Mode.DENY : Mode.ALLOW;
    }

    /** {@code roaming} null (the modem sent no roaming indicator) counts as home. */
    public static Decision decide(Mode mode, Boolean roaming) {
        return mode == Mode.DENY && Boolean.TRUE.equals(roaming) ? Decision.STAY_DOWN : Decision.CONNECT;
    }

    /** Throws ROAMING_DENIED when {@code ss} is roaming and {@code mode} (null: allow) denies it. */
    public static void check(Mode mode, ServingSystem ss) {
        if (ss != null && decide(mode, ss.roaming()) == Decision.STAY_DOWN) {
            throw new QmiConnException(ExitCode.ROAMING_DENIED, "registered roaming on " + network(ss.plmn())
                    + " and roaming is denied (--roaming deny, the default with a data cap): not connecting; "
                    + "give --roaming allow to connect anyway");
        }
    }

    /** {@code Rogers (302/720)}, or {@code a visited network} without a PLMN. */
    public static String network(Plmn p) {
        if (p == null) {
            return "a visited network";
        }
        String name = p.description() == null || p.description().isBlank() ? "" : p.description() + " ";
        return name + "(" + p.mcc() + "/" + p.mnc() + ")";
    }
}
