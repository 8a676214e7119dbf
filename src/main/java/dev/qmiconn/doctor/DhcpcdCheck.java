package dev.qmiconn.doctor;

import java.util.Optional;

/**
 * dhcpcd (Raspberry Pi OS up to bullseye, and wherever dhcpcd-base is installed) starts DHCP on every interface
 * that appears unless /etc/dhcpcd.conf says {@code denyinterfaces} for it (or an {@code allowinterfaces} list
 * leaves it out): on the modem's interface it fights qmi-conn for the address and, with resolvconf, adds a DNS
 * record of its own. Patterns are dhcpcd's shell globs.
 */
final class DhcpcdCheck {

    static final String ID = "dhcpcd";

    private DhcpcdCheck() {
    }

    static String fix(String iface) {
        return "echo 'denyinterfaces " + iface + "' | sudo tee -a /etc/dhcpcd.conf && sudo systemctl restart dhcpcd";
    }

    static Optional<Finding> onModem(Probe p) {
        if (!p.hasProgram("dhcpcd")) {
            return Optional.empty();
        }
        String iface = p.netInterface().orElse("wwan0");
        String conf = p.sys().read("/etc/dhcpcd.conf").orElse("");
        boolean running = !Processes.named(p.sys(), "dhcpcd").isEmpty();
        Boolean allowed = null;
        boolean denied = false;
        for (String line : conf.split("\n")) {
            String[] w = line.strip().split("[\\s,]+");
            if (w.length < 2) {
                continue;
            }
            boolean matches = false;
            for (int i = 1; i < w.length; i++) {
                matches |= glob(w[i], iface);
            }
            if (w[0].equals("denyinterfaces")) {
                denied |= matches;
            } else if (w[0].equals("allowinterfaces")) {
                allowed = (allowed != null && allowed) || matches;
            }
        }
        if (denied || Boolean.FALSE.equals(allowed)) {
            return Optional.of(Finding.ok(ID, "dhcpcd leaves " + iface + " alone ("
                    + (denied ? "denyinterfaces" : "not in allowinterfaces") + " in /etc/dhcpcd.conf)"));
        }
        return Optional.of(Finding.warn(ID, "dhcpcd (" + (running ? "running" : "installed")
                + ") would run its own DHCP on " + iface + " whenever it appears: /etc/dhcpcd.conf has no "
                + "'denyinterfaces " + iface + "'", fix(iface)));
    }

    /** dhcpcd's interface patterns: {@code *} and {@code ?} as in the shell. */
    static boolean glob(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return name.matches(re.toString());
    }
}
