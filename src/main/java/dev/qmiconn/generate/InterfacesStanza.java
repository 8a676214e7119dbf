package dev.qmiconn.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.generate.UpSettings;

/**
 * Renders /etc/network/interfaces.d/IFACE for ifupdown 0.8. Each option line is run by ifupdown as
 * {@code /bin/sh -c "<rest of the line>"} with PATH fixed to /usr/local/sbin:...:/bin (checked with 0.8.41),
 * so programs are named by absolute path and every value is quoted by {@link ShellQuote}.
 */
public final class InterfacesStanza {

    /** qmi-network sources its profile with an unquoted {@code . $PROFILE_FILE}: only plain paths survive. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9_@%+=:,./-]*");

    private InterfacesStanza() {
    }

    public static String render(InterfacesStyle style, UpSettings s) {
        if ("auto".equals(s.iface())) {
            throw new QmiConnException(ExitCode.BAD_INPUT,
                    "--iface auto cannot name an interfaces stanza: give the interface name (e.g. wwan0)");
        }
        return switch (style) {
            case QMI_CONN -> qmiConn(s);
            case GUIDE -> guide(s);
        };
    }

    /**
     * {@code inet manual}, not {@code inet dhcp}: {@code qmi-conn up} starts the session, runs its own DHCP
     * client (udhcpc with qmi-conn's script) and writes the DNS block itself. With {@code inet dhcp} ifupdown
     * would start a second client after pre-up: isc dhclient (its first choice) fails on a raw-ip link, and
     * udhcpc with Debian's default script overwrites /etc/resolv.conf. pre-up/post-down mirror the guide:
     * a failing {@code up} fails ifup, and ifupdown's manual method flushes the address and downs the link
     * before {@code qmi-conn down} stops the session.
     */
    private static String qmiConn(UpSettings s) {
        String iface = s.iface();
        String program = ShellQuote.word("--qmi-conn", s.program());
        return GeneratedFile.markerLine("interfaces")
                + "# LTE modem " + s.device() + " on " + iface + ", brought up by qmi-conn. \"inet manual\": qmi-conn\n"
                + "# runs its own DHCP client and writes the DNS block; \"inet dhcp\" would start a second client.\n"
                + "# qmi-conn up waits (bounded) for the device and for registration itself: no wait loops.\n"
                + "allow-hotplug " + iface + "\n"
                + "iface " + iface + " inet manual\n"
                + "    pre-up " + program + " " + ShellQuote.words("argument", s.upArgs()) + "\n"
                + "    post-down " + program + " " + ShellQuote.words("argument", s.downArgs()) + "\n";
    }

    /**
     * The Metro PCS guide's stanza (wiredtron.com, 2018) in its own shape and indentation: wait up to 10 s
     * for the device, up to 10 tries for the modem to answer, qmi-network start; ifupdown's DHCP; stop on
     * post-down. Only what qmi-network understands is written (APN, APN_USER, APN_PASS, IP_TYPE, --profile).
     */
    private static String guide(UpSettings s) {
        if (s.apn().isEmpty()) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "--style guide needs --apn (the guide's APN=... line)");
        }
        if (s.ipType().filter("4v6"::equals).isPresent()) {
            throw new QmiConnException(ExitCode.BAD_INPUT,
                    "--style guide: qmi-network knows IP_TYPE 4 or 6 only, not 4v6 (use --style qmi-conn)");
        }
        String dev = s.device();
        List<String> env = new ArrayList<>();
        env.add("APN=" + ShellQuote.word("--apn", s.apn().get()));
        s.user().ifPresent(u -> env.add("APN_USER=" + ShellQuote.word("--user", u)));
        s.password().ifPresent(p -> env.add("APN_PASS=" + ShellQuote.word("--password", p)));
        s.ipType().ifPresent(t -> env.add("IP_TYPE=" + t));
        String qmiNetwork = "/usr/bin/qmi-network";
        if (s.profile().isPresent()) {
            String profile = s.profile().get();
            if (!PLAIN_PATH.matcher(profile).matches()) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "--style guide: qmi-network word-splits its --profile "
                        + "path: use letters, digits and / . _ - only");
            }
            qmiNetwork += " --profile=" + profile;
        }
        return GeneratedFile.markerLine("interfaces --style guide")
                + "# The Metro PCS guide's stanza (wiredtron.com, 2018-07-07) with its values checked by qmi-conn.\n"
                + "# libqmi 1.16.1-1.16.5 fail here with QMI protocol error 64 (Debian bug 845979): use qmi-conn up.\n"
                + "allow-hotplug " + s.iface() + "\n"
                + "iface " + s.iface() + " inet dhcp\n"
                + "     pre-up for _ in $(seq 1 10); do /usr/bin/test -c " + dev
                + " && break; /bin/sleep 1; done\n"
                + "     pre-up for _ in $(seq 1 10); do /usr/bin/qmicli -d " + dev
                + " --nas-get-signal-strength && break; /bin/sleep 1; done\n"
                + "     pre-up " + String.join(" ", env) + " " + qmiNetwork + " " + dev + " start\n"
                + "     post-down " + qmiNetwork + " " + dev + " stop\n";
    }
}
