package dev.qmiconn.qmi;

/**
 * What the version policy says about one libqmi: a severity, a one-line explanation and the fix a user can
 * apply (null when nothing needs fixing).
 */
public record VersionVerdict(LibqmiVersion version, Severity severity, String explanation, String fix) {

    public enum Severity {
        /** Fully usable. */
        OK,
        /** Usable; qmi-conn works around a limitation or bug itself. */
        WORKAROUND,
        /** Too old for a feature qmi-conn needs on some modems; upgrading is advised. */
        LIMITED
    }

    /** One line for {@code qmi-conn --version} and doctor. */
    public String oneLine() {
        return fix == null ? explanation : explanation + " Fix: " + fix;
    }
}
