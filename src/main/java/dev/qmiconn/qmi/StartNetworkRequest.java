package dev.qmiconn.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * What to pass to {@code qmicli --wds-start-network=KEY=VALUE,...}. Null fields are not sent.
 * {@code ipType} is 4 or 6 (qmicli's {@code ip-type}); {@code profile} is a 3GPP profile index
 * ({@code 3gpp-profile}). Values are quoted the way qmi-network 1.32 does it ({@code apn='X'}): qmicli's
 * key=value parser (since 1.14) strips single or double quotes, so commas inside a value are safe.
 */
public record StartNetworkRequest(String apn, String user, String password, Auth auth, Integer ipType,
                                  Integer profile, boolean autoconnect) {

    /** qmicli's {@code auth} values; {@code NONE} is sent only when asked for explicitly. */
    public enum Auth {
        NONE, PAP, CHAP, BOTH;

        public static Auth fromString(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "auth must be none, pap, chap or both, not '" + s + "'");
            }
        }
    }

    public StartNetworkRequest {
        if (ipType != null && ipType != 4 && ipType != 6) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "ip-type must be 4 or 6, not " + ipType);
        }
    }

    public static StartNetworkRequest apn(String apn) {
        return new StartNetworkRequest(apn, null, null, null, null, null, false);
    }

    public StartNetworkRequest withIpType(Integer type) {
        return new StartNetworkRequest(apn, user, password, auth, type, profile, autoconnect);
    }

    public StartNetworkRequest withCredentials(String u, String p, Auth a) {
        return new StartNetworkRequest(apn, u, p, a, ipType, profile, autoconnect);
    }

    /** The value after {@code --wds-start-network=}, e.g. {@code apn='internet',ip-type=4}. */
    public String render() {
        List<String> kv = new ArrayList<>();
        if (profile != null) {
            kv.add("3gpp-profile=" + profile);
        }
        if (apn != null) {
            kv.add("apn=" + quote("apn", apn));
        }
        if (user != null) {
            kv.add("username=" + quote("username", user));
        }
        if (password != null) {
            kv.add("password=" + quote("password", password));
        }
        if (auth != null) {
            kv.add("auth=" + auth.name());
        }
        if (ipType != null) {
            kv.add("ip-type=" + ipType);
        }
        if (autoconnect) {
            kv.add("autoconnect=yes");
        }
        return String.join(",", kv);
    }

    /** Single quotes unless the value holds one; a value with both kinds cannot be passed to qmicli. */
    private static String quote(String key, String value) {
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        throw new QmiConnException(ExitCode.BAD_INPUT,
                key + " contains both ' and \": qmicli's key=value syntax cannot carry it");
    }

    @Override
    public String toString() { // never log the password
        return "StartNetworkRequest[apn=" + apn + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", auth=" + auth + ", ipType=" + ipType + ", profile=" + profile + "]";
    }

    /**
     * This request as the installed libqmi can send it: on 1.16.1-1.17.0 an {@code ip-type=4} is added when there
     * is none (the IP-family bug); on &lt;= 1.16.0 {@code ip-type=4} is dropped (unknown key there; IPv4 is the
     * default) and 6 is refused.
     */
    StartNetworkRequest adaptedTo(VersionPolicy policy) {
        if (ipType == null && policy.needsExplicitIpType()) {
            return withIpType(4);
        }
        if (ipType != null && !policy.supportsIpTypeOption()) {
            if (ipType == 6) {
                throw new QmiConnException(ExitCode.LIBQMI_BROKEN, "libqmi " + policy.version()
                        + " has no ip-type option, so IPv6 calls are impossible; install libqmi-utils >= 1.18");
            }
            return withIpType(null);
        }
        return this;
    }
}
