package dev.qmiconn.at;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * {@code AT+COPS?}: {@code +COPS: 0,0,"AT&T",7} when registered (mode, format, operator, access technology),
 * a bare {@code +COPS: 0} when not.
 */
public record NetworkOperator(int mode, Optional<String> name, Optional<String> technology) {

    private static final Pattern LINE = Pattern.compile(
            "\\+COPS:\\s*(\\d)(?:\\s*,\\s*\\d\\s*,\\s*\"([^\"]*)\"(?:\\s*,\\s*(\\d+))?)?\\s*",
            Pattern.CASE_INSENSITIVE);

    public static NetworkOperator parse(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            throw new QmiConnException(ExitCode.MODEM_ERROR, "unexpected AT+COPS? answer '" + line + "'");
        }
        Optional<String> act = Optional.ofNullable(m.group(3)).map(NetworkOperator::technology);
        return new NetworkOperator(Integer.parseInt(m.group(1)), Optional.ofNullable(m.group(2)), act);
    }

    public boolean registered() {
        return name.isPresent();
    }

    /** 27.007 §7.3 AcT values. */
    static String technology(String act) {
        return switch (act) {
            case "0", "1", "3" -> "GSM";
            case "2" -> "UMTS";
            case "4", "5", "6" -> "HSPA";
            case "7" -> "LTE";
            default -> "AcT " + act;
        };
    }

    public String describe() {
        return name.map(n -> n + technology.map(t -> " (" + t + ")").orElse("")).orElse("not registered");
    }
}
