package dev.qmiconn.qmi.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.qmi.model.AttachState;
import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Plmn;
import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;
import dev.qmiconn.qmi.model.SignalValue;
import dev.qmiconn.qmi.model.Sinr;

/** Parsers for qmicli's NAS (network access) actions. */
public final class NasParsers {

    private static final Pattern NETWORK = Pattern.compile("^\\s+Network '([^']*)': '(-?[0-9.]+) dBm?'\\s*$");
    private static final Pattern SECTION = Pattern.compile("^([A-Za-z]+):\\s*$");
    // 1.17.900+: "SINR (8): '9.0 dB'" or "SINR (8): N/A'"; 1.16.x: "SINR: (8) '9.0 dB'"
    private static final Pattern SINR = Pattern.compile(
            "^SINR(?: \\((\\d+)\\):|: \\((\\d+)\\))\\s*(?:'(-?[0-9.]+) dB'|N/A'?)\\s*$");
    private static final Pattern IO = Pattern.compile("^IO: '(-?\\d+) dBm'\\s*$");
    private static final Pattern INDEXED = Pattern.compile("^\\t\\t\\[\\d+\\]: '([^']*)'\\s*$");

    private NasParsers() {
    }

    /**
     * {@code --nas-get-signal-strength} (sections appear only when the modem sends that TLV):
     * <pre>
     * [/dev/cdc-wdm0] Successfully got signal strength
     * Current:
     * 	Network 'lte': '-71 dBm'
     * Other:
     * 	Network 'umts': '-89 dBm'
     * RSSI:
     * 	Network 'lte': '-71 dBm'
     * ECIO:
     * 	Network 'lte': '-2.5 dBm'
     * IO: '-106 dBm'
     * SINR (8): '9.0 dB'
     * RSRQ:
     * 	Network 'lte': '-8 dB'
     * SNR:
     * 	Network 'lte': '12.4 dB'
     * RSRP:
     * 	Network 'lte': '-98 dBm'
     * </pre>
     * libqmi 1.16.x prints {@code SINR: (8) '9.0 dB'} instead.
     */
    public static SignalStrength signalStrength(String out) {
        String a = "--nas-get-signal-strength";
        Fields.requireHeader(a, out, "Successfully got signal strength");
        List<SignalValue> current = new ArrayList<>();
        List<SignalValue> other = new ArrayList<>();
        List<SignalValue> rssi = new ArrayList<>();
        List<SignalValue> ecio = new ArrayList<>();
        List<SignalValue> rsrq = new ArrayList<>();
        List<SignalValue> snr = new ArrayList<>();
        List<SignalValue> rsrp = new ArrayList<>();
        List<SignalValue> ignored = new ArrayList<>();
        List<SignalValue> section = ignored;
        Integer io = null;
        Sinr sinr = null;
        for (String line : Fields.lines(out)) {
            Matcher m;
            if ((m = NETWORK.matcher(line)).matches()) {
                section.add(new SignalValue(RadioInterface.fromQmicli(m.group(1)), Fields.toDouble(a, out, m.group(2))));
            } else if ((m = SINR.matcher(line)).matches()) {
                int level = Fields.toInt(a, out, m.group(1) != null ? m.group(1) : m.group(2));
                sinr = new Sinr(level, m.group(3) == null ? null : Fields.toDouble(a, out, m.group(3)));
                section = ignored;
            } else if ((m = IO.matcher(line)).matches()) {
                io = Fields.toInt(a, out, m.group(1));
                section = ignored;
            } else if ((m = SECTION.matcher(line)).matches()) {
                section = switch (m.group(1)) {
                    case "Current" -> current;
                    case "Other" -> other;
                    case "RSSI" -> rssi;
                    case "ECIO" -> ecio;
                    case "RSRQ" -> rsrq;
                    case "SNR" -> snr;
                    case "RSRP" -> rsrp;
                    default -> ignored;
                };
            }
        }
        if (current.isEmpty()) {
            throw QmicliParseException.of(a, "no 'Current:' network line", out);
        }
        return new SignalStrength(current.get(0), other, rssi, ecio, io, sinr, first(rsrq), first(snr), first(rsrp));
    }

    private static SignalValue first(List<SignalValue> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * {@code --nas-get-serving-system} (abridged; optional lines only when the modem sends them):
     * <pre>
     * [/dev/cdc-wdm0] Successfully got serving system:
     * 	Registration state: 'registered'
     * 	CS: 'attached'
     * 	PS: 'attached'
     * 	Selected network: '3gpp'
     * 	Radio interfaces: '1'
     * 		[0]: 'lte'
     * 	Roaming status: 'off'
     * 	Data service capabilities: '1'
     * 		[0]: 'lte'
     * 	Current PLMN:
     * 		MCC: '310'
     * 		MNC: '260'
     * 		Description: 'MetroPCS'
     * 	3GPP location area code: '65534'
     * 	3GPP cell ID: '26732290'
     * 	LTE tracking area code: '11021'
     * 	Full operator code info:
     * 		MCC: '310'
     * 		MNC: '260'
     * 		MNC with PCS digit: 'yes'
     * </pre>
     */
    public static ServingSystem servingSystem(String out) {
        String a = "--nas-get-serving-system";
        Fields.requireHeader(a, out, "Successfully got serving system:");
        List<RadioInterface> radios = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        String block = "";
        Integer mcc = null;
        Integer mnc = null;
        boolean mncHasPcsDigit = false;
        String description = null;
        for (String line : Fields.lines(out)) {
            int depth = Fields.depth(line);
            String body = line.strip();
            if (depth == 1) {
                int colon = body.indexOf(':');
                block = colon < 0 ? body : body.substring(0, colon);
                continue;
            }
            if (depth != 2) {
                continue;
            }
            Matcher m = INDEXED.matcher(line);
            if (m.matches() && block.equals("Radio interfaces")) {
                radios.add(RadioInterface.fromQmicli(m.group(1)));
            } else if (m.matches() && block.equals("Data service capabilities")) {
                caps.add(m.group(1));
            } else if (block.equals("Current PLMN")) {
                if (body.startsWith("MCC:")) {
                    mcc = Fields.toInt(a, out, Fields.unquote(body.substring(4)));
                } else if (body.startsWith("MNC:")) {
                    mnc = Fields.toInt(a, out, Fields.unquote(body.substring(4)));
                } else if (body.startsWith("Description:")) {
                    description = Fields.unquote(body.substring(12));
                }
            } else if (block.equals("Full operator code info") && body.startsWith("MNC with PCS digit:")) {
                mncHasPcsDigit = Fields.unquote(body.substring(19)).equals("yes");
            }
        }
        String roaming = Fields.value(out, "Roaming status").orElse(null);
        return new ServingSystem(
                RegistrationState.fromQmicli(Fields.require(a, out, "Registration state")),
                AttachState.fromQmicli(Fields.value(out, "CS").orElse("unknown")),
                AttachState.fromQmicli(Fields.value(out, "PS").orElse("unknown")),
                Fields.value(out, "Selected network").orElse(null), radios,
                roaming == null ? null : roaming.equals("on"), caps,
                mcc == null || mnc == null ? null : new Plmn(digits(a, out, mcc, 3),
                        digits(a, out, mnc, mncHasPcsDigit ? 3 : 2), description),
                Fields.intValue(a, out, "3GPP location area code").orElse(null),
                Fields.longValue(a, out, "3GPP cell ID").orElse(null),
                Fields.intValue(a, out, "LTE tracking area code").orElse(null));
    }

    /** An operator code number as its digits with leading zeros ({@code 1} as MNC is {@code 01}). */
    private static String digits(String action, String out, int value, int width) {
        if (value < 0 || value > 999) {
            throw QmicliParseException.of(action, "operator code '" + value + "' has more than 3 digits", out);
        }
        return String.format(java.util.Locale.ROOT, "%0" + width + "d", value);
    }

    /**
     * {@code --nas-get-home-network} (NAS Get Home Network, 0x0025; the SID/NID and 3GPP2 lines only on CDMA):
     * <pre>
     * [/dev/cdc-wdm0] Successfully got home network:
     * 	Home network:
     * 		MCC: '311'
     * 		MNC: '660'
     * 		Description: 'MetroPCS'
     * </pre>
     */
    public static HomeNetwork homeNetwork(String out) {
        String a = "--nas-get-home-network";
        Fields.requireHeader(a, out, "Successfully got home network:");
        return new HomeNetwork(Fields.toInt(a, out, Fields.require(a, out, "MCC")),
                Fields.toInt(a, out, Fields.require(a, out, "MNC")),
                Fields.value(out, "Description").orElse(""));
    }
}
