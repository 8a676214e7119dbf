package dev.qmiconn.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text that is about to be written for someone else to read (a --record transcript):
 * qmicli's {@code --wds-start-network=...,password='VALUE',...} (quoted as qmi-conn renders it, or bare) and the
 * PIN/PUK digits of {@code --uim-verify-pin=PIN1,1234}, {@code --dms-uim-change-pin=PIN1,OLD,NEW},
 * {@code --uim-set-pin-protection=PIN1,disable,1234} and the like, plus an echoed {@code AT+CPIN=...}.
 */
final class Secrets {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)('[^']*'|\"[^\"]*\"|[^,\\s]*)");
    private static final Pattern PIN_ARGS = Pattern.compile("(?i)(-pin(?:-protection)?=(?:PIN|PUK)[12]?)"
            + "((?:,[^,\\s]*)+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern CPIN = Pattern.compile("(?i)(AT\\+CPIN=)[^\\r\\n]*");

    private Secrets() {
    }

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = PASSWORD.matcher(text).replaceAll("$1***");
        out = CPIN.matcher(out).replaceAll("$1****");
        Matcher m = PIN_ARGS.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String values = DIGITS.matcher(m.group(2)).replaceAll("****");
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + values));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
