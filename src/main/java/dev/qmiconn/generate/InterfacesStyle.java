package dev.qmiconn.generate;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** Which stanza {@code generate interfaces} writes. */
public enum InterfacesStyle {
    /** qmi-conn up/down do the whole bring-up (waits, session, DHCP, DNS). */
    QMI_CONN("qmi-conn"),
    /** The Metro PCS guide's own stanza: wait loops, qmi-network start/stop, ifupdown's DHCP. */
    GUIDE("guide");

    private final String word;

    InterfacesStyle(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static InterfacesStyle fromWord(String w) {
        for (InterfacesStyle s : values()) {
            if (s.word.equals(w)) {
                return s;
            }
        }
        throw new QmiConnException(ExitCode.BAD_INPUT, "invalid --style '" + w + "': expected qmi-conn or guide");
    }
}
