package dev.qmiconn.doctor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The libqmi version policy as doctor states it. Stand-in until branch {@code parsers} lands its
 * {@code dev.qmiconn.qmi.LibqmiVersion}/{@code VersionPolicy}; then this delegates there. Facts from
 * FIELD-NOTES.md (Debian bug 845979 and libqmi's NEWS).
 */
final class LibqmiVerdicts {

    /** {@code qmicli --version}: first line {@code qmicli 1.32.2}. */
    private static final Pattern VERSION = Pattern.compile("(?m)^qmicli\\s+(\\d+(?:\\.\\d+)+)");

    private LibqmiVerdicts() {
    }

    static Optional<String> parseVersion(String qmicliVersionOutput) {
        Matcher m = VERSION.matcher(qmicliVersionOutput == null ? "" : qmicliVersionOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Finding verdict(String version) {
        String id = "libqmi-version";
        String upgrade = "sudo apt install libqmi-utils   (from a release with libqmi >= 1.22)";
        if (!Versions.atLeast(version, "1.14")) {
            return Finding.fail(id, "libqmi " + version + " is older than 1.14: no raw-ip, no "
                    + "--get-expected-data-format, no --get-wwan-iface", upgrade);
        }
        if (Versions.atLeast(version, "1.16.1") && !Versions.atLeast(version, "1.17.900")) {
            // The Metro PCS guide's bug: an IP-family TLV of 0 on every start; modems answer error 64.
            return Finding.warn(id, "libqmi " + version + " has Debian bug 845979: qmi-network start fails with "
                    + "QMI protocol error 64 '(null)'; qmi-conn up works around it with ip-type=4", upgrade);
        }
        if (!Versions.atLeast(version, "1.16.1")) {
            return Finding.warn(id, "libqmi " + version + " predates ip-type= and prints some error names as "
                    + "'(null)'", upgrade);
        }
        if (!Versions.atLeast(version, "1.22")) {
            return Finding.ok(id, "libqmi " + version + ": no known start bug (error names may print as '(null)')");
        }
        return Finding.ok(id, "libqmi " + version + ": no known bug affects qmi-conn");
    }
}
