package dev.qmiconn.config;

import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Checks for every value a user hands us that later reaches an argv, a profile or an interfaces stanza.
 * Each failure is a one-line message and {@link ExitCode#BAD_INPUT}.
 */
public final class Validation {

    /** 3GPP TS 23.003: labels of letters, digits and '-', joined by '.', at most 100 characters. */
    private static final Pattern APN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    /** Linux IFNAMSIZ is 16 including the NUL; no '/', whitespace, ':' or shell metacharacters. */
    private static final Pattern IFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");
    private static final Pattern DEVICE = Pattern.compile("/dev/[A-Za-z0-9_./-]+");

    private Validation() {
    }

    public static String apn(String apn) {
        if (apn == null || apn.isEmpty()) {
            throw bad("APN is empty: give --apn NAME (for example fast.metropcs.com)");
        }
        if (apn.length() > 100 || !APN.matcher(apn).matches()) {
            throw bad("invalid APN '" + printable(apn)
                    + "': use letters, digits, '-' and '.' only (for example fast.metropcs.com)");
        }
        return apn;
    }

    public static String iface(String name) {
        if (name == null || !IFACE.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw bad("invalid interface name '" + printable(name)
                    + "': 1-15 letters, digits, '_', '-' or '.' (for example wwan0)");
        }
        return name;
    }

    public static String device(String path) {
        if (path == null || !DEVICE.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")) {
            throw bad("invalid device '" + printable(path) + "': expected a path under /dev such as /dev/cdc-wdm0");
        }
        return path;
    }

    /** Credentials go to qmicli's key=value list: a ',' or quote would split or break it. */
    public static String credential(String what, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 127 || !value.chars().allMatch(c -> c >= 0x21 && c < 0x7f && c != ',' && c != '\''
                && c != '"' && c != '\\' && c != '`' && c != '$')) {
            throw bad("invalid " + what + ": printable ASCII without spaces, commas, quotes, '\\', '`' or '$'");
        }
        return value;
    }

    public static String pin(String pin) {
        if (pin == null || !pin.matches("[0-9]{4,8}")) {
            throw bad("invalid PIN: 4 to 8 digits");
        }
        return pin;
    }

    /** Renders control characters visibly so an error message stays on one line. */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, message);
    }
}
