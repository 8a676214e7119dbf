package dev.qmiconn.generate;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Would ifupdown read a stanza installed at a given path? Reads ROOT/etc/network/interfaces the way ifupdown
 * 0.8 does for {@code source} (a shell glob) and {@code source-directory} (a directory whose files count only
 * when their names match {@code ^[a-zA-Z0-9_-]+$}: "wwan0.conf" or "wwan0.bak" are silently ignored — the
 * pitfall of Raspbian 9 and older Debian, whose default was {@code source-directory /etc/network/interfaces.d};
 * Debian 12 ships {@code source /etc/network/interfaces.d/*}). Relative paths are relative to the file's
 * directory, as interfaces(5) says. Only the top-level file is read.
 */
public final class InterfacesSourceCheck {

    private static final Pattern SOURCE_DIRECTORY_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final String TIP = "add the line 'source /etc/network/interfaces.d/*' to /etc/network/interfaces";

    /** Raspberry Pi OS bookworm and other NetworkManager or systemd-networkd systems have no ifupdown at all. */
    public static final String NO_IFUPDOWN = "ifupdown is not installed here (no ifup, no /etc/network/interfaces), "
            + "so nothing will ever read this stanza: use the systemd unit instead (qmi-conn generate systemd), or "
            + "sudo apt install ifupdown";

    private InterfacesSourceCheck() {
    }

    /** Warnings (empty when ifupdown reads {@code installed}); {@code installed} is the path on the target. */
    public static List<String> warnings(Path root, Path installed, String iface) {
        Path interfaces = root.resolve("etc/network/interfaces");
        List<String> lines;
        try {
            lines = Files.readAllLines(interfaces);
        } catch (IOException e) {
            if (!Files.exists(interfaces) && Stream.of("sbin/ifup", "usr/sbin/ifup").noneMatch(
                    p -> Files.isExecutable(root.resolve(p)))) {
                return List.of(NO_IFUPDOWN);
            }
            return List.of("cannot read " + interfaces + ": ifupdown reads stanzas only from it and the files it "
                    + "sources (" + e.getClass().getSimpleName() + ")");
        }
        List<String> warnings = new ArrayList<>();
        boolean read = false;
        boolean ignoredForName = false;
        Path base = Path.of("/etc/network");
        for (String raw : lines) {
            String[] words = raw.strip().split("\\s+", 2);
            if (words.length < 2) {
                continue;
            }
            String arg = words[1].strip();
            if (words[0].equals("source")) {
                read |= globMatches(base.resolve(arg).normalize(), installed);
            } else if (words[0].equals("source-directory")) {
                Path dir = installed.getParent();
                if (dir != null && globMatches(base.resolve(arg).normalize(), dir)) {
                    if (SOURCE_DIRECTORY_NAME.matcher(installed.getFileName().toString()).matches()) {
                        read = true;
                    } else {
                        ignoredForName = true;
                    }
                }
            } else if (words[0].equals("iface") && arg.split("\\s+")[0].equals(iface)) {
                warnings.add(interfaces + " already has an 'iface " + iface + "' stanza: remove it, or ifup "
                        + "may use that one");
            }
        }
        if (!read && ignoredForName) {
            warnings.add(interfaces + " reads " + installed.getParent() + " with source-directory, which ignores "
                    + "files whose names hold anything but letters, digits, '_' and '-' (such as a dot): name "
                    + "the file e.g. " + iface.replaceAll("[^a-zA-Z0-9_-]", "-") + ", or " + TIP);
        } else if (!read) {
            warnings.add(interfaces + " does not source " + installed + ", so ifup will not see it: " + TIP);
        }
        return warnings;
    }

    private static boolean globMatches(Path pattern, Path candidate) {
        String glob = pattern.toString().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
        return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(candidate);
    }
}
