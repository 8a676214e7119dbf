package dev.qmiconn.qmi.parse;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * qmicli printed something a parser does not understand (empty output, another program's text, a format
 * change in a libqmi qmi-conn was not tested with). One line: the action, what was missing, and the start of
 * the text. Not a modem error: the modem answered and qmicli succeeded, so the exit code is its own
 * ({@link ExitCode#UNREADABLE_OUTPUT}) and a script never mistakes it for a modem fault.
 */
public final class QmicliParseException extends QmiConnException {

    private final String action;

    private QmicliParseException(String action, String message) {
        super(ExitCode.UNREADABLE_OUTPUT, message);
        this.action = action;
    }

    public static QmicliParseException of(String action, String what, String text) {
        String t = text == null ? "" : text.strip();
        String shown = t.isEmpty() ? "empty output" : "got '" + abbreviate(t) + "'";
        return new QmicliParseException(action, "cannot read qmicli " + action + " output: " + what + " (" + shown
                + ")");
    }

    /** The same failure naming the libqmi that printed it (the first thing a bug report needs). */
    public QmicliParseException onLibqmi(String version) {
        QmicliParseException e = new QmicliParseException(action, getMessage() + "; libqmi " + version);
        e.initCause(this);
        return e;
    }

    public String action() {
        return action;
    }

    private static String abbreviate(String t) {
        String oneLine = t.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...";
    }
}
