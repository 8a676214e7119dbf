package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few fields doctor needs from three qmicli actions (output format of libqmi 1.32.2's qmicli-uim.c and
 * qmicli-nas.c). A stand-in until branch {@code parsers} lands its typed parsers and QmiClient; then these
 * records are built from those.
 */
final class ModemStatus {

    private ModemStatus() {
    }

    /**
     * From {@code --uim-get-card-status}:
     * <pre>
     * Slot [1]:
     * 	Card state: 'present'
     * 	...
     * 	Application [1]:
     * 		Application type:  'usim (2)'
     * 		Application state: 'ready'
     * 		...
     * 		PIN1 state: 'disabled'
     * 			PIN1 retries: '3'
     * 			PUK1 retries: '10'
     * </pre>
     */
    record CardStatus(String cardState, Optional<String> applicationState, Optional<String> pin1State,
                      OptionalInt pin1Retries, OptionalInt puk1Retries) {

        static Optional<CardStatus> parse(String out) {
            Optional<String> card = quoted(out, "Card state");
            return card.map(c -> new CardStatus(c.replaceFirst(":.*$", ""), quoted(out, "Application state"),
                    quoted(out, "PIN1 state"), number(out, "PIN1 retries"), number(out, "PUK1 retries")));
        }
    }

    /**
     * From {@code --nas-get-serving-system}:
     * <pre>
     * [/dev/cdc-wdm0] Successfully got serving system:
     * 	Registration state: 'registered'
     * 	CS: 'attached'
     * 	PS: 'attached'
     * 	Selected network: '3gpp'
     * 	Radio interfaces: '1'
     * 		[0]: 'lte'
     * 	Roaming status: 'off'
     * 	...
     * 	Current PLMN:
     * 		MCC: '310'
     * 		MNC: '260'
     * 		Description: 'T-Mobile'
     * </pre>
     */
    record ServingSystem(String registration, List<String> radioInterfaces, Optional<String> roaming,
                         Optional<String> mcc, Optional<String> mnc, Optional<String> operator) {

        static Optional<ServingSystem> parse(String out) {
            Optional<String> reg = quoted(out, "Registration state");
            if (reg.isEmpty()) {
                return Optional.empty();
            }
            List<String> radios = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^\\s*\\[\\d+\\]: '([^']*)'").matcher(section(out, "Radio interfaces",
                    "Roaming status|Data service capabilities|Current PLMN"));
            while (m.find()) {
                radios.add(m.group(1));
            }
            return Optional.of(new ServingSystem(reg.get(), radios, quoted(out, "Roaming status"),
                    quoted(out, "MCC"), quoted(out, "MNC"), quoted(out, "Description")));
        }
    }

    /**
     * From {@code --nas-get-signal-strength}:
     * <pre>
     * [/dev/cdc-wdm0] Successfully got signal strength
     * Current:
     * 	Network 'lte': '-67 dBm'
     * RSSI:
     * 	Network 'lte': '-67 dBm'
     * ...
     * RSRP:
     * 	Network 'lte': '-95 dBm'
     * </pre>
     */
    record SignalStrength(String network, int strengthDbm, OptionalInt rsrpDbm) {

        static Optional<SignalStrength> parse(String out) {
            Matcher current = Pattern.compile("Current:\\s*\\n\\s*Network '([^']*)': '(-?\\d+) dBm'").matcher(out);
            if (!current.find()) {
                return Optional.empty();
            }
            Matcher rsrp = Pattern.compile("RSRP:\\s*\\n\\s*Network '[^']*': '(-?\\d+) dBm'").matcher(out);
            return Optional.of(new SignalStrength(current.group(1), Integer.parseInt(current.group(2)),
                    rsrp.find() ? OptionalInt.of(Integer.parseInt(rsrp.group(1))) : OptionalInt.empty()));
        }
    }

    static Optional<String> quoted(String out, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + ":\\s*'([^']*)'").matcher(out);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static OptionalInt number(String out, String label) {
        return quoted(out, label).filter(v -> v.matches("\\d+")).map(v -> OptionalInt.of(Integer.parseInt(v)))
                .orElse(OptionalInt.empty());
    }

    private static String section(String out, String startLabel, String endLabels) {
        Matcher m = Pattern.compile("(?s)" + Pattern.quote(startLabel) + ".*?(?=(" + endLabels + ")|\\z)")
                .matcher(out);
        return m.find() ? m.group() : "";
    }
}
