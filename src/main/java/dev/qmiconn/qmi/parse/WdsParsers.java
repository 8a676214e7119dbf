package dev.qmiconn.qmi.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.qmi.model.ConnectionStatus;
import dev.qmiconn.qmi.model.CurrentSettings;
import dev.qmiconn.qmi.model.PacketServiceStatus;
import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.qmi.model.StartedNetwork;

/** Parsers for qmicli's WDS (wireless data) actions. */
public final class WdsParsers {

    // Quoted since 1.x; scripts written for older qmicli show it unquoted: "Packet data handle: 3634026241".
    private static final Pattern HANDLE = Pattern.compile("Packet data handle:\\s*'?(\\d+)'?");
    private static final Pattern CID = Pattern.compile("^\\s*CID:\\s*'?(\\d+)'?\\s*$", Pattern.MULTILINE);
    private static final Pattern IPV6 = Pattern.compile("^([0-9A-Fa-f:.]+)/(\\d+)$");

    private WdsParsers() {
    }

    /**
     * {@code --wds-start-network=apn='internet',ip-type=4 --client-no-release-cid}:
     * <pre>
     * [/dev/cdc-wdm0] Network started
     * 	Packet data handle: '3634026241'
     * [/dev/cdc-wdm0] Client ID not released:
     * 	Service: 'wds'
     * 	    CID: '12'
     * </pre>
     */
    public static StartedNetwork startNetwork(String out) {
        String a = "--wds-start-network";
        Fields.requireHeader(a, out, "Network started");
        Matcher h = HANDLE.matcher(out);
        if (!h.find()) {
            throw QmicliParseException.of(a, "no packet data handle", out);
        }
        return new StartedNetwork(Fields.toLong(a, out, h.group(1)), releasedCid(out).orElse(null));
    }

    /** The {@code CID: 'N'} of a {@code Client ID not released:} block, also printed by a failed start. */
    public static Optional<Integer> releasedCid(String out) {
        Matcher m = CID.matcher(out == null ? "" : out);
        return m.find() ? Optional.of(Fields.toInt("--wds-start-network", out, m.group(1))) : Optional.empty();
    }

    /**
     * {@code --wds-get-packet-service-status}:
     * <pre>
     * [/dev/cdc-wdm0] Connection status: 'connected'
     * </pre>
     */
    public static PacketServiceStatus packetServiceStatus(String out) {
        String a = "--wds-get-packet-service-status";
        Fields.requireHeader(a, out, "Connection status:");
        String word = Fields.require(a, out.replaceAll("(?m)^\\[[^\\]]*\\] ", ""), "Connection status");
        ConnectionStatus s = ConnectionStatus.fromQmicli(word);
        return new PacketServiceStatus(s);
    }

    /**
     * {@code --wds-get-current-settings} (values unquoted, labels right-aligned):
     * <pre>
     * [/dev/cdc-wdm0] Current settings retrieved:
     *            IP Family: IPv4
     *         IPv4 address: 10.64.64.64
     *     IPv4 subnet mask: 255.255.255.252
     * IPv4 gateway address: 10.64.64.65
     *     IPv4 primary DNS: 10.11.12.13
     *   IPv4 secondary DNS: 10.11.12.14
     *                  MTU: 1500
     *              Domains: none
     * </pre>
     * IPv6 lines are {@code IPv6 address: 2001:db8::1/64} and {@code IPv6 gateway address: 2001:db8::2/64}.
     */
    public static CurrentSettings currentSettings(String out) {
        String a = "--wds-get-current-settings";
        Fields.requireHeader(a, out, "Current settings retrieved:");
        String mask = Fields.value(out, "IPv4 subnet mask").orElse(null);
        String[] v6 = splitPrefix(a, out, Fields.value(out, "IPv6 address").orElse(null));
        String[] gw6 = splitPrefix(a, out, Fields.value(out, "IPv6 gateway address").orElse(null));
        List<String> dns4 = new ArrayList<>();
        Fields.value(out, "IPv4 primary DNS").ifPresent(dns4::add);
        Fields.value(out, "IPv4 secondary DNS").ifPresent(dns4::add);
        List<String> dns6 = new ArrayList<>();
        Fields.value(out, "IPv6 primary DNS").ifPresent(dns6::add);
        Fields.value(out, "IPv6 secondary DNS").ifPresent(dns6::add);
        List<String> domains = Fields.value(out, "Domains").filter(d -> !d.equals("none"))
                .map(d -> List.of(d.split(",\\s*"))).orElse(List.of());
        return new CurrentSettings(Fields.value(out, "IP Family").orElse(null),
                Fields.value(out, "IPv4 address").orElse(null), mask, mask == null ? null : prefixOf(a, out, mask),
                Fields.value(out, "IPv4 gateway address").orElse(null), dns4,
                v6[0], v6[1] == null ? null : Fields.toInt(a, out, v6[1]),
                gw6[0], gw6[1] == null ? null : Fields.toInt(a, out, gw6[1]), dns6,
                Fields.intValue(a, out, "MTU").orElse(null), domains);
    }

    private static String[] splitPrefix(String a, String out, String value) {
        if (value == null) {
            return new String[2];
        }
        Matcher m = IPV6.matcher(value);
        if (!m.matches()) {
            throw QmicliParseException.of(a, "'" + value + "' is not address/prefix", out);
        }
        return new String[] {m.group(1), m.group(2)};
    }

    /** 255.255.255.252 -> 30; a non-contiguous mask is a parse error. */
    static int prefixOf(String a, String out, String mask) {
        String[] parts = mask.split("\\.");
        if (parts.length != 4) {
            throw QmicliParseException.of(a, "'" + mask + "' is not a subnet mask", out);
        }
        long bits = 0;
        for (String p : parts) {
            long octet = Fields.toLong(a, out, p);
            if (octet < 0 || octet > 255) {
                throw QmicliParseException.of(a, "'" + mask + "' is not a subnet mask", out);
            }
            bits = (bits << 8) | octet;
        }
        int prefix = Long.bitCount(bits);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if (bits != expected) {
            throw QmicliParseException.of(a, "'" + mask + "' is not a contiguous subnet mask", out);
        }
        return prefix;
    }

    /**
     * {@code --wds-get-packet-statistics} (1.32 hides counters the modem reports as 0xFFFFFFFF):
     * <pre>
     * [/dev/cdc-wdm0] Connection statistics:
     * 	TX packets OK: 1024
     * 	RX packets OK: 2048
     * 	TX packets error: 0
     * 	RX packets error: 0
     * 	TX overflows: 0
     * 	RX overflows: 0
     * 	TX packets dropped: 0
     * 	RX packets dropped: 0
     * 	TX bytes OK: 123456
     * 	RX bytes OK: 654321
     * 	TX bytes OK (last): 1234
     * 	RX bytes OK (last): 4321
     * </pre>
     */
    public static PacketStatistics packetStatistics(String out) {
        String a = "--wds-get-packet-statistics";
        Fields.requireHeader(a, out, "Connection statistics:");
        return new PacketStatistics(n(a, out, "TX packets OK"), n(a, out, "RX packets OK"),
                n(a, out, "TX packets error"), n(a, out, "RX packets error"), n(a, out, "TX overflows"),
                n(a, out, "RX overflows"), n(a, out, "TX packets dropped"), n(a, out, "RX packets dropped"),
                n(a, out, "TX bytes OK"), n(a, out, "RX bytes OK"), n(a, out, "TX bytes OK (last)"),
                n(a, out, "RX bytes OK (last)"));
    }

    private static Long n(String a, String out, String label) {
        return Fields.longValue(a, out, label).orElse(null);
    }
}
