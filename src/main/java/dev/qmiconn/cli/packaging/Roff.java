package dev.qmiconn.cli.packaging;

/**
 * Escaping for man(7) roff text. Every character a user or a command description can bring in is made
 * literal: backslashes, hyphens (so options copy-paste as ASCII '-' and groff does not break lines at them),
 * and lines starting with a control character ('.' or '\'').
 */
final class Roff {

    private Roff() {
    }

    /** Text to appear verbatim in a roff text line (no macros, no font changes). */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\e");
                case '-' -> out.append("\\-");
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        String escaped = out.toString().strip();
        // a text line starting with '.' or '\'' would be read as a request
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }

    static String bold(String s) {
        return "\\fB" + text(s) + "\\fR";
    }

    static String italic(String s) {
        return "\\fI" + text(s) + "\\fR";
    }

    /** An argument of a macro line such as .TH, quoted (a double quote inside becomes the \(dq glyph). */
    static String macroArg(String s) {
        return "\"" + text(s).replace("\"", "\\(dq") + "\"";
    }
}
