package dev.qmiconn.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * systemd's two spellings qmi-conn needs: unit names for paths (what {@code systemd-escape --path} prints:
 * /dev/cdc-wdm0 is dev-cdc\x2dwdm0, because '-' stands for '/' in unit names) and ExecStart= words
 * (systemd.service(5) "Command lines": '%' starts a specifier, '$' a variable, quotes and C escapes apply).
 */
public final class SystemdSyntax {

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@+=:,./-]+");

    private SystemdSyntax() {
    }

    /** The device unit of a path, e.g. {@code dev-cdc\x2dwdm0.device} for /dev/cdc-wdm0. */
    public static String deviceUnit(String path) {
        return escapePath(path) + ".device";
    }

    /** Like {@code systemd-escape --path}: strip outer slashes, '/' to '-', escape the rest as \xNN bytes. */
    public static String escapePath(String path) {
        String p = path.replaceAll("/+", "/");
        p = p.replaceAll("^/|/$", "");
        if (p.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '/') {
                sb.append('-');
            } else if ((b == '.' && i == 0) || !(Character.isLetterOrDigit(b) && b < 0x80 || b == ':' || b == '_'
                    || b == '.')) {
                sb.append(String.format("\\x%02x", b));
            } else {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    /** One ExecStart= word that systemd hands to the program as exactly {@code value}. */
    public static String execWord(String what, String value) {
        ShellQuote.refuseControlCharacters(what, value);
        if (PLAIN_WORD.matcher(value).matches()) {
            return value;
        }
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%").replace("$", "$$");
        return "\"" + escaped + "\"";
    }

    public static String execWords(List<String> values) {
        return values.stream().map(v -> execWord("argument", v)).collect(Collectors.joining(" "));
    }
}
