package dev.qmiconn.at;

import java.util.regex.Pattern;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.Ipv4;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Decodes the Huawei {@code AT^DHCP?} reply. Sample from an E397u-53 on FreedomPOP (the project's guide, 2018):
 * <pre>
 * ^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000
 * </pre>
 * Six IPv4 addresses as the hex of a little-endian 32-bit word ({@code 0100000a} is 0a.00.00.01 on the wire,
 * i.e. 10.0.0.1), then max rx and max tx rate in decimal bit/s. The firmware drops leading zeros
 * ({@code 8080808} = 8.8.8.8), users paste a {@code 0x} prefix or spaces after the colon, and the case varies:
 * all tolerated. Anything else is refused with a one-line message and {@link ExitCode#BAD_INPUT}.
 */
public final class DhcpDecoder {

    private static final Pattern PREFIX = Pattern.compile("^\\^DHCP\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEX = Pattern.compile("(0[xX])?[0-9A-Fa-f]{1,8}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");
    private static final String[] NAMES = {"address", "netmask", "gateway", "DHCP server", "DNS 1", "DNS 2",
        "max rx rate", "max tx rate"};

    private DhcpDecoder() {
    }

    public static DhcpSettings decode(String line) {
        if (line == null || line.isBlank()) {
            throw bad("empty ^DHCP line: expected ^DHCP:addr,mask,gateway,server,dns1,dns2,rx,tx");
        }
        String body = PREFIX.matcher(line.strip()).replaceFirst("");
        String[] fields = body.split(",", -1);
        if (fields.length != NAMES.length) {
            throw bad("malformed ^DHCP line '" + shown(line) + "': expected 8 comma-separated fields, found "
                    + fields.length);
        }
        String[] ips = new String[6];
        for (int i = 0; i < 6; i++) {
            ips[i] = DhcpSettings.dotted(Integer.reverseBytes(hex(fields[i].strip(), i, line)));
        }
        try {
            Ipv4.prefixOf(ips[1]);
        } catch (IllegalArgumentException e) {
            throw bad("malformed ^DHCP line '" + shown(line) + "': netmask " + ips[1] + " is not contiguous");
        }
        return new DhcpSettings(ips[0], ips[1], ips[2], ips[3], ips[4], ips[5],
                rate(fields[6].strip(), 6, line), rate(fields[7].strip(), 7, line));
    }

    private static int hex(String field, int index, String line) {
        if (!HEX.matcher(field).matches()) {
            throw bad("malformed ^DHCP line '" + shown(line) + "': " + NAMES[index] + " '" + shown(field)
                    + "' is not 1-8 hex digits");
        }
        String digits = field.startsWith("0x") || field.startsWith("0X") ? field.substring(2) : field;
        return (int) Long.parseLong(digits, 16);
    }

    private static long rate(String field, int index, String line) {
        if (!DECIMAL.matcher(field).matches()) {
            throw bad("malformed ^DHCP line '" + shown(line) + "': " + NAMES[index] + " '" + shown(field)
                    + "' is not a decimal number");
        }
        return Long.parseLong(field);
    }

    private static String shown(String s) {
        String p = Validation.printable(s.strip());
        return p.length() > 120 ? p.substring(0, 120) + "..." : p;
    }

    private static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, message);
    }
}
