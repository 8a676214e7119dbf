package dev.qmiconn.qmi.model;

/** A closed set whose members qmicli prints by their libqmi nickname (e.g. {@code 'raw-ip'}). */
public interface QmicliEnum {

    /** The word qmicli prints for this member. */
    String qmicli();

    /**
     * Looks a qmicli word up in an enum; unknown words (a newer libqmi, a vendor value) map to
     * {@code fallback} instead of failing, so a new enum member never breaks a connection.
     */
    static <E extends Enum<E> & QmicliEnum> E lookup(Class<E> type, String word, E fallback) {
        String w = word == null ? "" : word.strip();
        for (E e : type.getEnumConstants()) {
            if (e.qmicli().equalsIgnoreCase(w)) {
                return e;
            }
        }
        return fallback;
    }
}
