package dev.qmiconn.operator;

/**
 * The APN picked from the provider database for the SIM's operator, and why.
 *
 * @param operator   the network id that matched (e.g. {@code 310/260})
 * @param provider   the provider whose entry was taken
 * @param apn        its APN entry (value, username, password, authentication)
 * @param reason     why this entry: {@code marked as the internet APN} or {@code the first listed ...}
 * @param candidates how many APN entries all providers of that network list
 * @param providers  how many providers list that network
 */
public record ApnChoice(OperatorId operator, Provider provider, Provider.Apn apn, String reason, int candidates,
                        int providers) {

    /** One line for the user: which APN, from where, and why. */
    public String describe() {
        String who = provider.name() + (provider.country() == null ? "" : ", " + provider.country());
        String others = candidates <= 1 ? "the only entry" : "of " + candidates + " entries from " + providers
                + (providers == 1 ? " provider" : " providers");
        return "APN '" + apn.value() + "' from the provider database for the SIM's operator " + operator + " ("
                + who + "): " + reason + ", " + others
                + (apn.username() != null ? "; with its user name" : "");
    }
}
