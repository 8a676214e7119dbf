package dev.qmiconn.connect;

import java.util.regex.Pattern;

/** Dotted-quad checks and netmask arithmetic; nothing from a lease or qmicli reaches an argv unchecked. */
public final class Ipv4 {

    private static final Pattern QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Ipv4() {
    }

    public static boolean isValid(String s) {
        if (s == null) {
            return false;
        }
        var m = QUAD.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    public static String require(String s, String what) {
        if (!isValid(s)) {
            throw new IllegalArgumentException("not an IPv4 " + what + ": '" + s + "'");
        }
        return s;
    }

    /** 255.255.255.252 -> 30; a non-contiguous mask is refused. */
    public static int prefixOf(String netmask) {
        long bits = toLong(require(netmask, "netmask"));
        int prefix = Long.bitCount(bits);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if (bits != expected) {
            throw new IllegalArgumentException("non-contiguous netmask: " + netmask);
        }
        return prefix;
    }

    /** 10.0.0.1 -> 0x0A000001 (the caller has validated the quad). */
    public static long toLong(String quad) {
        long v = 0;
        for (String part : quad.split("\\.")) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }
}
