package dev.qmiconn.qmi.parse;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * qmicli printed something a parser does not understand (empty output, another program's text, a format
 * change in a new libqmi). One line: the action, what was missing, and the start of the text.
 */
public final class QmicliParseException extends QmiConnException {

    private final String action;

    private QmicliParseException(String action, String message) {
        super(ExitCode.MODEM_ERROR, message);
        this.action = action;
    }

    public static QmicliParseException of(String action, String what, String text) {
        String t = text == null ? "" : text.strip();
        String shown = t.isEmpty() ? "empty output" : "got '" + abbreviate(t) + "'";
        return new QmicliParseException(action, "cannot read qmicli " + action + " output: " + what + " (" + shown
                + ")");
    }

    public String action() {
        return action;
    }

    private static String abbreviate(String t) {
        String oneLine = t.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
    }
}
