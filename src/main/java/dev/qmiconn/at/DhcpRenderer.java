package dev.qmiconn.at;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.qmiconn.report.JsonSchema;

/**
 * Renders decoded {@link DhcpSettings} for people (table plus the ip commands) or scripts (JSON; its field
 * names live here, snake_case as every qmi-conn JSON: {@link JsonSchema}; documented in docs/AT-DHCP-JSON.md).
 */
public final class DhcpRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DhcpRenderer() {
    }

    public static String text(DhcpSettings s, String iface) {
        StringBuilder sb = new StringBuilder();
        row(sb, "address", s.cidr());
        row(sb, "netmask", s.netmask());
        row(sb, "gateway", s.gateway());
        row(sb, "dhcp server", s.dhcpServer());
        row(sb, "dns", s.dns1() + " " + s.dns2());
        row(sb, "max rx rate", rate(s.maxRxBitsPerSecond()));
        row(sb, "max tx rate", rate(s.maxTxBitsPerSecond()));
        sb.append('\n').append("To apply it on ").append(iface).append(" (as root):\n");
        for (List<String> argv : StaticIpPlan.apply(s, iface)) {
            sb.append("  ").append(String.join(" ", argv)).append('\n');
        }
        return sb.toString();
    }

    public static String json(DhcpSettings s, String iface) {
        ObjectNode o = JSON.createObjectNode();
        o.put(JsonSchema.FIELD, JsonSchema.VERSION);
        o.put("address", s.address());
        o.put("prefix_length", s.prefixLength());
        o.put("netmask", s.netmask());
        o.put("gateway", s.gateway());
        o.put("dhcp_server", s.dhcpServer());
        ArrayNode dns = o.putArray("dns");
        dns.add(s.dns1());
        dns.add(s.dns2());
        o.put("max_rx_bits_per_second", s.maxRxBitsPerSecond());
        o.put("max_tx_bits_per_second", s.maxTxBitsPerSecond());
        ArrayNode cmds = o.putArray("ip_commands");
        for (List<String> argv : StaticIpPlan.apply(s, iface)) {
            ArrayNode a = cmds.addArray();
            argv.forEach(a::add);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "%-12s %s\n", name, value));
    }

    static String rate(long bps) {
        if (bps >= 1_000_000 && bps % 1000 == 0) {
            return bps + " bit/s (" + trim(bps / 1_000_000.0) + " Mbit/s)";
        }
        if (bps >= 1000 && bps % 1000 == 0) {
            return bps + " bit/s (" + trim(bps / 1000.0) + " kbit/s)";
        }
        return bps + " bit/s";
    }

    private static String trim(double d) {
        String s = String.format(Locale.ROOT, "%.3f", d);
        return s.replaceAll("\\.?0+$", "");
    }
}
