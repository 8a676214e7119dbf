package dev.qmiconn.emulator;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IP address parsing only (never a DNS lookup: the inputs must be literals). */
public final class InetUtil {

    private InetUtil() {
    }

    /** Dotted quad to the unsigned 32-bit value QMI carries (as a guint32, host order of the number). */
    public static long ipv4(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
        }
        long v = 0;
        for (String p : parts) {
            int octet;
            try {
                octet = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            if (octet < 0 || octet > 255 || p.isEmpty()) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    /** 24 -> 255.255.255.0 */
    public static String mask(int prefix) {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("IPv4 prefix length out of range: " + prefix);
        }
        long m = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return ((m >> 24) & 0xFF) + "." + ((m >> 16) & 0xFF) + "." + ((m >> 8) & 0xFF) + "." + (m & 0xFF);
    }

    static byte[] ipv6(String literal) {
        if (!literal.contains(":")) {
            throw new IllegalArgumentException("not an IPv6 address: '" + literal + "'");
        }
        try {
            InetAddress a = InetAddress.getByName(literal); // a literal with ':' never triggers a lookup
            if (!(a instanceof Inet6Address) && !(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv6 address: '" + literal + "'");
            }
            byte[] b = a.getAddress();
            if (b.length != 16) {
                throw new IllegalArgumentException("not an IPv6 address: '" + literal + "'");
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: '" + literal + "'");
        }
    }
}
