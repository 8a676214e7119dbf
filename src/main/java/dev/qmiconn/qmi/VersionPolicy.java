package dev.qmiconn.qmi;

import dev.qmiconn.qmi.VersionVerdict.Severity;

/**
 * What qmi-conn must do differently for one libqmi version. The facts (checked against libqmi's git tags):
 * <ul>
 * <li>&lt; 1.14: no raw-ip handling, no {@code --get-expected-data-format}, no {@code --get-wwan-iface}.</li>
 * <li>&lt;= 1.16.0: {@code --wds-start-network} has no {@code ip-type} key (an unknown key is an error).</li>
 * <li>1.16.1 - 1.16.5 and 1.17.0 git builds: a backported change sends an IP-family-preference TLV of 0 on
 *     every start; modems reject it with QMI protocol error 64 (InvalidIpFamilyPreference), printed as
 *     {@code '(null)'}. This is the Metro PCS guide's failure (Debian bug 845979). An explicit
 *     {@code ip-type=4} replaces the bad TLV with a valid one.</li>
 * <li>&gt;= 1.17.900 (1.18 release candidates): fixed.</li>
 * <li>&lt; 1.22: error names of newer QMI errors may print as {@code '(null)'}; only the number is reliable.</li>
 * <li>&gt;= 1.30: qmi-network knows {@code IP_TYPE} and {@code PROFILE} in its profile.</li>
 * <li>1.16.x prints {@code SINR: (8) '9.0 dB'}; from 1.17.900 {@code SINR (8): '9.0 dB'}.</li>
 * </ul>
 */
public record VersionPolicy(LibqmiVersion version) {

    public static final int QMI_ERROR_INVALID_IP_FAMILY_PREFERENCE = 64;

    public static VersionPolicy of(LibqmiVersion version) {
        return new VersionPolicy(version);
    }

    /** The 1.16.2 IP-family bug (Debian #845979): every start without {@code ip-type} fails with error 64. */
    public boolean hasIpFamilyBug() {
        return version.atLeast(1, 16, 1) && version.below(1, 17, 900);
    }

    /** {@code --wds-start-network=...,ip-type=4} is understood (from 1.16.1 on). */
    public boolean supportsIpTypeOption() {
        return version.atLeast(1, 16, 1);
    }

    /** qmi-conn must pass {@code ip-type} itself even when the user asked for none. */
    public boolean needsExplicitIpType() {
        return hasIpFamilyBug();
    }

    public boolean supportsExpectedDataFormat() {
        return version.atLeast(1, 14, 0);
    }

    public boolean supportsRawIp() {
        return version.atLeast(1, 14, 0);
    }

    public boolean supportsGetWwanIface() {
        return version.atLeast(1, 14, 0);
    }

    /** Error names of QMI protocol errors may print as {@code '(null)'}; trust the number. */
    public boolean mayPrintNullErrorNames() {
        return version.below(1, 22, 0);
    }

    /** qmi-network reads IP_TYPE and PROFILE from its profile file. */
    public boolean qmiNetworkKnowsIpType() {
        return version.atLeast(1, 30, 0);
    }

    /**
     * The runtime side of the policy: a QMI protocol error 64 on start is this bug, whatever version printed it
     * (a distribution may ship a patched 1.16.2 under another number, or a git build in between).
     */
    public static String ipFamilyBugDiagnosis(LibqmiVersion version) {
        String v = version == null ? "this libqmi" : "libqmi " + version;
        return v + " has the IP-family bug of 1.16.1-1.17.0 (Debian #845979, the Metro PCS guide's failure); "
                + "fix: pass ip-type=4 to --wds-start-network, or install libqmi >= 1.18";
    }

    /** The verdict for {@code qmi-conn --version} and doctor; the first matching rule wins. */
    public VersionVerdict verdict() {
        if (hasIpFamilyBug()) {
            return new VersionVerdict(version, Severity.WORKAROUND,
                    "libqmi " + version + " has the IP-family bug (Debian #845979): every --wds-start-network "
                            + "without ip-type fails with QMI protocol error 64 '(null)', as in the Metro PCS guide; "
                            + "qmi-conn passes ip-type=4 straight to qmicli to avoid it.",
                    "nothing with qmi-conn (it sends ip-type=4); with qmi-network, install libqmi >= 1.18 "
                            + "(or 1.16.0), or run qmicli --wds-start-network=\"apn='APN',ip-type=4\" "
                            + "--client-no-release-cid yourself.");
        }
        if (version.below(1, 14, 0)) {
            return new VersionVerdict(version, Severity.LIMITED,
                    "libqmi " + version + " is older than 1.14: no raw-ip, no --get-expected-data-format, no "
                            + "--get-wwan-iface; modems that only speak raw-ip will get no DHCP lease.",
                    "install libqmi-utils >= 1.18 (Debian/Raspbian buster or later).");
        }
        if (!supportsIpTypeOption()) {
            // recorded: the real 1.16.0 starts an IPv4 call without ip-type and sends no IP-family TLV at all
            return new VersionVerdict(version, Severity.OK,
                    "libqmi " + version + " works for IPv4 with nothing to work around (it predates the 1.16.2 "
                            + "IP-family bug); it has no ip-type option, so IPv6 (--ip-type 6 or 4v6) is "
                            + "impossible: for IPv6 install libqmi-utils >= 1.18.", null);
        }
        if (mayPrintNullErrorNames()) {
            return new VersionVerdict(version, Severity.OK,
                    "libqmi " + version + " works; some QMI error names print as '(null)', qmi-conn uses the "
                            + "error numbers.", null);
        }
        return new VersionVerdict(version, Severity.OK, "libqmi " + version + " has no known problem for qmi-conn.",
                null);
    }
}
