package dev.qmiconn.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code qmi-conn --version}: the tool's own version. */
public final class VersionProvider implements IVersionProvider {

    public static String toolVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"qmi-conn " + toolVersion()};
    }
}
