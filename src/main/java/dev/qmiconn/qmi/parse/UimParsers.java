package dev.qmiconn.qmi.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.PinState;
import dev.qmiconn.qmi.model.UimApplication;
import dev.qmiconn.qmi.model.UimSlot;

/** Parser for {@code --uim-get-card-status}. */
public final class UimParsers {

    /**
     * The card block's header: {@code Card [i]:} counted from 0 before libqmi 1.22, {@code Slot [n]:} counted
     * from 1 from 1.22 on (libqmi commit b5858d72). Both name the same physical slot; the model keeps slot numbers.
     */
    private static final Pattern SLOT = Pattern.compile("^(Slot|Card) \\[(\\d+)\\]:\\s*$");
    private static final Pattern APPLICATION = Pattern.compile("^\\tApplication \\[(\\d+)\\]:\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\t+([A-Za-z0-9 ]+):\\s*(.*)$");
    private static final Pattern TYPE = Pattern.compile("^(\\S+) \\(\\d+\\)$");

    private UimParsers() {
    }

    /**
     * {@code --uim-get-card-status} (1.22 to 1.32.2; before 1.22, see below; 1.16 prints a card error as
     * {@code 'error: ... (N)} without the closing quote):
     * <pre>
     * [/dev/cdc-wdm0] Successfully got card status
     * Provisioning applications:
     * 	Primary GW:   slot '1', application '1'
     * 	Primary 1X:   session doesn't exist
     * 	Secondary GW: session doesn't exist
     * 	Secondary 1X: session doesn't exist
     * Slot [1]:
     * 	Card state: 'present'
     * 	UPIN state: 'not-initialized'
     * 		UPIN retries: '0'
     * 		UPUK retries: '0'
     * 	Application [1]:
     * 		Application type:  'usim (2)'
     * 		Application state: 'ready'
     * 		Application ID:
     * 			A0:00:00:00:87:10:02:FF:FF:FF:FF:89:06:19:00:00
     * 		Personalization state: 'ready'
     * 		UPIN replaces PIN1: 'no'
     * 		PIN1 state: 'enabled-verified'
     * 			PIN1 retries: '3'
     * 			PUK1 retries: '10'
     * 		PIN2 state: 'enabled-not-verified'
     * 			PIN2 retries: '3'
     * 			PUK2 retries: '10'
     * </pre>
     * libqmi 1.16.0 to 1.20 (recorded from 1.16.0 and 1.16.2) count cards and applications from 0, and so does
     * the provisioning line; the fields inside are the same:
     * <pre>
     * Provisioning applications:
     * 	Primary GW:   slot '0', application '0'
     * ...
     * Card [0]:
     * 	Card state: 'present'
     * ...
     * 	Application [0]:
     * 		Application type:  'usim (2)'
     * </pre>
     */
    public static CardStatus cardStatus(String out) {
        String a = "--uim-get-card-status";
        Fields.requireHeader(a, out, "Successfully got card status");
        List<UimSlot> slots = new ArrayList<>();
        SlotBuilder slot = null;
        AppBuilder app = null;
        for (String line : Fields.lines(out)) {
            Matcher m;
            if ((m = SLOT.matcher(line)).matches()) {
                if (slot != null) {
                    slots.add(slot.build(app));
                }
                long n = Fields.toLong(a, out, m.group(2)) + (m.group(1).equals("Card") ? 1 : 0);
                slot = new SlotBuilder(Fields.toInt(a, out, Long.toString(n)));
                app = null;
            } else if (slot != null && (m = APPLICATION.matcher(line)).matches()) {
                if (app != null) {
                    slot.apps.add(app.build());
                }
                app = new AppBuilder();
            } else if (slot != null && (m = FIELD.matcher(line)).matches()) {
                String key = m.group(1).strip();
                String value = Fields.unquote(m.group(2));
                if (app != null) {
                    app.set(a, out, key, value);
                } else {
                    slot.set(a, out, key, value);
                }
            }
        }
        if (slot != null) {
            slots.add(slot.build(app));
        }
        if (slots.isEmpty()) {
            throw QmicliParseException.of(a, "no 'Slot [N]:' (or, before libqmi 1.22, 'Card [N]:') block", out);
        }
        return new CardStatus(slots);
    }

    private static final class SlotBuilder {
        final int number;
        String cardState = "unknown";
        PinState upin = PinState.UNKNOWN;
        int upinRetries;
        int upukRetries;
        final List<UimApplication> apps = new ArrayList<>();

        SlotBuilder(int number) {
            this.number = number;
        }

        void set(String a, String out, String key, String value) {
            switch (key) {
                case "Card state" -> cardState = value;
                case "UPIN state" -> upin = PinState.fromQmicli(value);
                case "UPIN retries" -> upinRetries = Fields.toInt(a, out, value);
                case "UPUK retries" -> upukRetries = Fields.toInt(a, out, value);
                default -> { }
            }
        }

        UimSlot build(AppBuilder last) {
            if (last != null) {
                apps.add(last.build());
            }
            return new UimSlot(number, cardState, upin, upinRetries, upukRetries, apps);
        }
    }

    private static final class AppBuilder {
        String type = "unknown";
        String state = "unknown";
        boolean upinReplacesPin1;
        PinState pin1 = PinState.UNKNOWN;
        PinState pin2 = PinState.UNKNOWN;
        int pin1Retries;
        int puk1Retries;
        int pin2Retries;
        int puk2Retries;

        void set(String a, String out, String key, String value) {
            switch (key) {
                case "Application type" -> {
                    Matcher t = TYPE.matcher(value);
                    type = t.matches() ? t.group(1) : value;
                }
                case "Application state" -> state = value;
                case "UPIN replaces PIN1" -> upinReplacesPin1 = value.equals("yes");
                case "PIN1 state" -> pin1 = PinState.fromQmicli(value);
                case "PIN2 state" -> pin2 = PinState.fromQmicli(value);
                case "PIN1 retries" -> pin1Retries = Fields.toInt(a, out, value);
                case "PUK1 retries" -> puk1Retries = Fields.toInt(a, out, value);
                case "PIN2 retries" -> pin2Retries = Fields.toInt(a, out, value);
                case "PUK2 retries" -> puk2Retries = Fields.toInt(a, out, value);
                default -> { }
            }
        }

        UimApplication build() {
            return new UimApplication(type, state, upinReplacesPin1, pin1, pin1Retries, puk1Retries, pin2,
                    pin2Retries, puk2Retries);
        }
    }
}
