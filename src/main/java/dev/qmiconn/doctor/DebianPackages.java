package dev.qmiconn.doctor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Installed package versions from dpkg's status file ({@code /var/lib/dpkg/status} under the root), read without
 * running dpkg. Stanzas look like:
 * <pre>
 * Package: usb-modeswitch
 * Status: install ok installed
 * Version: 2.6.1-3+b1
 * </pre>
 * Only packages whose status ends in "installed" count.
 */
public final class DebianPackages {

    private final Map<String, String> versions;

    private DebianPackages(Map<String, String> versions) {
        this.versions = Map.copyOf(versions);
    }

    public static DebianPackages read(SystemRoot sys) {
        return parse(sys.read("/var/lib/dpkg/status").orElse(""));
    }

    public static DebianPackages parse(String status) {
        Map<String, String> out = new HashMap<>();
        for (String stanza : status.split("\\n\\s*\\n")) {
            String pkg = null;
            String version = null;
            boolean installed = false;
            for (String line : stanza.split("\\n")) {
                if (line.startsWith("Package: ")) {
                    pkg = line.substring(9).trim();
                } else if (line.startsWith("Version: ")) {
                    version = line.substring(9).trim();
                } else if (line.startsWith("Status: ")) {
                    installed = line.trim().endsWith(" installed");
                }
            }
            if (pkg != null && version != null && installed) {
                out.put(pkg, version);
            }
        }
        return new DebianPackages(out);
    }

    /** The Debian version string ({@code 2.6.1-3+b1}), if installed. */
    public Optional<String> version(String pkg) {
        return Optional.ofNullable(versions.get(pkg));
    }

    /**
     * The upstream part of a Debian version: {@code 1:2.6.1-3+b1} becomes {@code 2.6.1}, and repack or backport
     * markers go too ({@code 2.5.0+repack0-1} becomes {@code 2.5.0}).
     */
    public static String upstream(String debianVersion) {
        String v = debianVersion;
        int colon = v.indexOf(':');
        if (colon >= 0) {
            v = v.substring(colon + 1);
        }
        int dash = v.lastIndexOf('-');
        if (dash > 0) {
            v = v.substring(0, dash);
        }
        return v.replaceFirst("[+~].*$", "");
    }
}
