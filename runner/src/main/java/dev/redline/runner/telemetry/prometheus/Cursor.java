package dev.redline.runner.telemetry.prometheus;

/** A read position in one line, with the token rules of the text format. */
final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
        this.s = s;
    }

    boolean atEnd() { return i >= s.length(); }

    char peek() { return s.charAt(i); }

    char next() { return s.charAt(i++); }

    /** Skips spaces and tabs; returns whether any were skipped. */
    boolean skipBlanks() {
        int from = i;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i > from;
    }

    /** Characters up to the next blank. */
    String token() {
        int from = i;
        while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
        return s.substring(from, i);
    }

    /** Letters only (HELP, TYPE, type keywords). */
    String word() {
        int from = i;
        while (i < s.length() && isLetter(s.charAt(i))) i++;
        return s.substring(from, i);
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, or "" when none starts here. */
    String metricName() {
        return name(true);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, or "" when none starts here. */
    String labelName() {
        return name(false);
    }

    private String name(boolean colon) {
        int from = i;
        while (i < s.length()) {
            char ch = s.charAt(i);
            boolean ok = isLetter(ch) || ch == '_' || (colon && ch == ':') || (i > from && ch >= '0' && ch <= '9');
            if (!ok) break;
            i++;
        }
        return s.substring(from, i);
    }

    /** Reads a label value after its opening quote, through the closing quote, resolving escapes. */
    String quotedRest() {
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char ch = s.charAt(i++);
            if (ch == '"') return sb.toString();
            if (ch == '\\') {
                if (i >= s.length()) break;
                char esc = s.charAt(i++);
                switch (esc) {
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case 'n' -> sb.append('\n');
                    default -> throw new TextFormatParser.Malformed("invalid escape '\\" + esc + "' in a label value");
                }
            } else {
                sb.append(ch);
            }
        }
        throw new TextFormatParser.Malformed("label value not closed");
    }

    String rest() {
        String r = s.substring(i);
        i = s.length();
        return r;
    }

    private static boolean isLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}
