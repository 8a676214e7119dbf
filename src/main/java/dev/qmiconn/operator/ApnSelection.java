package dev.qmiconn.operator;

import java.util.List;
import java.util.Optional;

/**
 * Picks the APN for a network from the provider database, the way NetworkManager's automatic lookup does
 * (providers in file order, the first APN marked {@code <usage type="internet"/>}), with two fallbacks it
 * lacks: an APN whose usage includes internet among others (AT&T lists only {@code mms-internet-hipri} ones),
 * then the first APN listed.
 */
public final class ApnSelection {

    private ApnSelection() {
    }

    /** The best entry for the first of {@code home}'s candidates that the database lists; empty if none. */
    public static Optional<ApnChoice> select(HomeOperator home, ProviderDatabase db) {
        for (OperatorId id : home.candidates()) {
            Optional<ApnChoice> c = select(id, db.providersFor(id));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The best entry among {@code providers} (those listing {@code id}, in file order). */
    public static Optional<ApnChoice> select(OperatorId id, List<Provider> providers) {
        int total = providers.stream().mapToInt(p -> p.apns().size()).sum();
        int listing = (int) providers.stream().filter(p -> !p.apns().isEmpty()).count();
        for (Provider p : providers) {
            for (Provider.Apn a : p.apns()) {
                if (a.internet()) {
                    return Optional.of(new ApnChoice(id, p, a, "marked as the internet APN", total, listing));
                }
            }
            for (Provider.Apn a : p.apns()) {
                if (a.internetAmongOthers()) {
                    return Optional.of(new ApnChoice(id, p, a, "marked for internet among other uses ("
                            + a.usage() + ")", total, listing));
                }
            }
        }
        for (Provider p : providers) {
            if (!p.apns().isEmpty()) {
                return Optional.of(new ApnChoice(id, p, p.apns().get(0), "the first listed (none is marked for "
                        + "internet)", total, listing));
            }
        }
        return Optional.empty();
    }
}
