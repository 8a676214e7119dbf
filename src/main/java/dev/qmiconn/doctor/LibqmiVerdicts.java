package dev.qmiconn.doctor;

import dev.qmiconn.qmi.VersionPolicy;
import dev.qmiconn.qmi.VersionVerdict;

/**
 * Doctor's view of the libqmi version policy ({@link VersionPolicy}, shared with {@code qmi-conn --version}):
 * OK stays ok; WORKAROUND (qmi-conn copes, qmi-network or the guides' stanza may not) and LIMITED (too old for
 * raw-ip modems) are warnings.
 */
final class LibqmiVerdicts {

    private LibqmiVerdicts() {
    }

    static Finding finding(VersionVerdict v) {
        if (v.severity() == VersionVerdict.Severity.OK) {
            return Finding.ok("libqmi-version", v.explanation());
        }
        return Finding.warn("libqmi-version", v.explanation(), v.fix());
    }
}
