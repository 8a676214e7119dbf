package dev.qmiconn.qmi.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.qmi.model.LinkLayer;
import dev.qmiconn.qmi.model.ServiceVersion;
import dev.qmiconn.qmi.model.ServiceVersions;

/** Parsers for qmicli's generic actions (no QMI service client): CTL and qmi_wwan sysfs queries. */
public final class CtlParsers {

    private static final Pattern SERVICE = Pattern.compile("^\\t(\\S+|unknown \\[0x[0-9a-fA-F]+\\]) \\((\\d+)\\.(\\d+)\\)\\s*$");
    private static final Pattern IFACE = Pattern.compile("^[A-Za-z0-9_.:@-]{1,15}$");

    private CtlParsers() {
    }

    /**
     * {@code --get-service-version-info}:
     * <pre>
     * [/dev/cdc-wdm0] Supported versions:
     * 	ctl (1.5)
     * 	wds (1.12)
     * 	dms (1.7)
     * 	nas (1.21)
     * 	unknown [0x1a] (1.0)
     * </pre>
     */
    public static ServiceVersions serviceVersions(String out) {
        String a = "--get-service-version-info";
        Fields.requireHeader(a, out, "Supported versions:");
        List<ServiceVersion> list = new ArrayList<>();
        for (String line : Fields.lines(out)) {
            Matcher m = SERVICE.matcher(line);
            if (m.matches()) {
                list.add(new ServiceVersion(m.group(1), Fields.toInt(a, out, m.group(2)), Fields.toInt(a, out, m.group(3))));
            }
        }
        return new ServiceVersions(list);
    }

    /**
     * {@code --get-expected-data-format}: one bare word, what qmi_wwan's {@code raw_ip} sysfs file says.
     * <pre>
     * raw-ip
     * </pre>
     */
    public static LinkLayer expectedDataFormat(String out) {
        String a = "--get-expected-data-format";
        String word = singleLine(a, out);
        LinkLayer l = LinkLayer.fromQmicli(word);
        if (l == LinkLayer.UNKNOWN) {
            throw QmicliParseException.of(a, "not 802-3, raw-ip or qmap-pass-through", out);
        }
        return l;
    }

    /**
     * {@code --get-wwan-iface}: the network interface bound to the control device (renamed ones included).
     * <pre>
     * wwan0
     * </pre>
     */
    public static String wwanIface(String out) {
        String a = "--get-wwan-iface";
        String name = singleLine(a, out);
        if (!IFACE.matcher(name).matches()) {
            throw QmicliParseException.of(a, "not an interface name", out);
        }
        return name;
    }

    private static String singleLine(String a, String out) {
        List<String> lines = Fields.lines(out).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() != 1) {
            throw QmicliParseException.of(a, "expected one word", out);
        }
        return lines.get(0);
    }
}
