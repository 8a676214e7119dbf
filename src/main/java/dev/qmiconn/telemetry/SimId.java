package dev.qmiconn.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SIM label telemetry publishes instead of the ICCID or IMSI: {@code iccid-} or {@code imsi-} and the first
 * 12 hex digits of the SHA-256 of the number. Stable per card, so a fleet's dashboards can tell a swapped SIM,
 * while the number itself (which identifies the subscriber) never reaches a broker or a metrics server. Not a
 * secret: ICCIDs of one operator are few enough to hash them all, so treat the label as a pseudonym only.
 */
public final class SimId {

    /** The label when the modem gave neither number (no SIM, or SIM not readable yet). */
    public static final String UNKNOWN = "unknown";

    private SimId() {
    }

    /** From the ICCID when known (it names the card), else the IMSI, else {@link #UNKNOWN}. */
    public static String of(String iccid, String imsi) {
        if (digits(iccid)) {
            return "iccid-" + hash(iccid);
        }
        if (digits(imsi)) {
            return "imsi-" + hash(imsi);
        }
        return UNKNOWN;
    }

    private static boolean digits(String s) {
        // ICCIDs may end in an 'F' filler nibble as the UIM reads them raw
        return s != null && s.matches("[0-9]{6,20}[Ff]?");
    }

    private static String hash(String number) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(number.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
