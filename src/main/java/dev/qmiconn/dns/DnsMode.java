package dev.qmiconn.dns;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who gets the session's DNS servers: the words of {@code up --dns} and of the {@code dns} setting in a device's
 * config file. This is the one place those words are read. {@code auto} asks {@link ResolverDetector} what the
 * system runs.
 */
public enum DnsMode {
    AUTO("auto"),
    /** systemd-resolved: per-link servers on the modem interface ({@code resolvectl dns IFACE ...}). */
    RESOLVED("resolved"),
    /** openresolv or Debian's resolvconf: a record {@code IFACE.qmi-conn} ({@code resolvconf -a/-d}). */
    RESOLVCONF("resolvconf"),
    /** NetworkManager writing resolv.conf itself: a per-boot global-dns drop-in in /run/NetworkManager/conf.d. */
    NETWORKMANAGER("networkmanager"),
    /** The guides' dhcpcd: the block in resolv.conf.head (dhcpcd's hook keeps it) and in resolv.conf now. */
    DHCPCD("dhcpcd"),
    /** Nothing manages resolv.conf: the marker block goes straight into it, and up says so. */
    FILE("file"),
    /** qmi-conn leaves DNS alone and only reports the servers. */
    NONE("none");

    private final String word;

    DnsMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Every word, as the error message and --help list them. */
    public static String words() {
        return Arrays.stream(values()).map(DnsMode::word).collect(Collectors.joining("|"));
    }

    /** Case-insensitive; {@code NetworkManager}, {@code systemd-resolved} and {@code openresolv} are accepted too. */
    public static DnsMode fromWord(String w) {
        if (w != null) {
            String l = w.strip().toLowerCase(java.util.Locale.ROOT);
            switch (l) {
                case "systemd-resolved", "resolvectl" -> {
                    return RESOLVED;
                }
                case "openresolv" -> {
                    return RESOLVCONF;
                }
                case "nm" -> {
                    return NETWORKMANAGER;
                }
                default -> {
                    for (DnsMode m : values()) {
                        if (m.word.equals(l)) {
                            return m;
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("dns must be one of " + words() + ", not '" + w + "'");
    }
}
