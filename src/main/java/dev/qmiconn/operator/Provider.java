package dev.qmiconn.operator;

import java.util.List;

/**
 * One {@code <provider>} of mobile-broadband-provider-info with a {@code <gsm>} section.
 *
 * @param country    ISO country code of the enclosing {@code <country code="..">}
 * @param name       the provider's first {@code <name>}
 * @param networkIds its {@code <network-id mcc mnc>} list (an MVNO lists its host network's ids too)
 * @param apns       its {@code <apn>} entries in file order
 */
public record Provider(String country, String name, List<OperatorId> networkIds, List<Apn> apns) {

    public Provider {
        networkIds = List.copyOf(networkIds);
        apns = List.copyOf(apns);
    }

    /**
     * One {@code <apn value="..">}: usage type ({@code internet}, {@code mms}, {@code mms-internet-hipri}, ...,
     * null when absent), its name, username, password and authentication method ({@code pap}, {@code chap}),
     * each null when the database has none.
     */
    public record Apn(String value, String usage, String name, String username, String password,
                      String authentication) {

        /** Exactly {@code <usage type="internet"/>}. */
        public boolean internet() {
            return "internet".equals(usage);
        }

        /** Internet among other uses, e.g. AT&T's {@code mms-internet-hipri}. */
        public boolean internetAmongOthers() {
            return usage != null && List.of(usage.split("-")).contains("internet");
        }
    }
}
