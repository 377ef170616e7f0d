package dev.redline.runner.client;

/**
 * The strict JSON grammar under {@link ChunkFieldScanner}: whitespace, members, skipping any value,
 * numbers, literals, and strings decoded (UTF-8, escapes) into a builder. Anything outside plain
 * RFC 8259 JSON, or that Jackson's defaults would treat differently, throws {@link Malformed}, so the
 * caller can hand the input to Jackson instead.
 */
abstract class JsonByteReader {
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_LENGTH = 1000;

    protected byte[] b;
    protected int i;
    protected int end;
    private int depth;

    protected void reset(byte[] bytes, int off, int len) {
        b = bytes;
        i = off;
        end = off + len;
        depth = 0;
    }

    protected void release() {
        b = null;
    }

    /** Input this scanner does not take; the caller falls back to the full parser. */
    static final class Malformed extends Exception {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    static Malformed malformed() {
        return Malformed.INSTANCE;
    }

    /** Reads {@code "name"} and the colon; returns the name's raw length (start is the position before). */
    protected int fieldName() throws Malformed {
        if (peek() != '"') throw malformed();
        int start = i;
        skipString();
        int len = i - start;
        for (int k = start + 1; k < i - 1; k++) if (b[k] == '\\') throw malformed(); // escaped names: compare decoded
        ws();
        if (peek() != ':') throw malformed();
        i++;
        ws();
        return len;
    }

    /** True when the raw quoted name at {@code start} (length with quotes) equals {@code name} (no escapes). */
    protected boolean is(int start, int quotedLen, String name) {
        int n = name.length();
        if (quotedLen != n + 2) return false;
        for (int k = 0; k < n; k++) if (b[start + 1 + k] != name.charAt(k)) return false;
        return true;
    }

    /** At a '{': consumes it; false when the object is empty (its '}' consumed too), true at its first member. */
    protected boolean openObject() throws Malformed {
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return false;
        }
        return true;
    }

    /** After a member or element: true at ',', false at {@code close} (consumed). */
    protected boolean nextMember(char close) throws Malformed {
        ws();
        byte c = peek();
        i++;
        if (c == ',') {
            ws();
            return true;
        }
        if (c == close) return false;
        throw malformed();
    }

    protected void value() throws Malformed {
        if (++depth > MAX_DEPTH) throw malformed();
        try {
            container();
        } finally {
            depth--;
        }
    }

    protected void container() throws Malformed {
        byte c = peek();
        switch (c) {
            case '{' -> {
                i++;
                ws();
                if (peek() == '}') {
                    i++;
                    return;
                }
                do {
                    fieldName();
                    value();
                } while (nextMember('}'));
            }
            case '[' -> {
                i++;
                ws();
                if (peek() == ']') {
                    i++;
                    return;
                }
                do {
                    value();
                } while (nextMember(']'));
            }
            case '"' -> skipString();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) number();
                else throw malformed();
            }
        }
    }

    protected void literal(String word) throws Malformed {
        for (int k = 0; k < word.length(); k++) {
            if (i >= end || b[i] != word.charAt(k)) throw malformed();
            i++;
        }
    }

    /** RFC 8259 number; leading zeros are rejected (as Jackson does by default). */
    protected void number() throws Malformed {
        int start = i;
        if (peek() == '-') i++;
        byte c = peek();
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        } else {
            throw malformed();
        }
        if (i < end && b[i] == '.') {
            i++;
            digits();
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) i++;
            digits();
        }
        if (i < end && b[i] >= '0' && b[i] <= '9') throw malformed(); // "01"
        if (i - start > MAX_NUMBER_LENGTH) throw malformed();
    }

    protected void digits() throws Malformed {
        int s = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        if (i == s) throw malformed();
    }

    protected void skipString() throws Malformed {
        i++; // opening quote
        while (true) {
            if (i >= end) throw malformed();
            byte c = b[i++];
            if (c == '"') return;
            if (c == '\\') {
                byte e = next();
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) hex(next());
                } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    throw malformed();
                }
            } else if (c >= 0 && c < 0x20) {
                throw malformed();
            } else if (c < 0) {
                i = utf8(c, i, null);
            }
        }
    }

    /** Decodes the string at {@code i} into {@code out}. */
    protected void string(StringBuilder out) throws Malformed {
        i++;
        while (true) {
            if (i >= end) throw malformed();
            byte c = b[i++];
            if (c == '"') return;
            if (c == '\\') {
                byte e = next();
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int v = 0;
                        for (int k = 0; k < 4; k++) v = (v << 4) | hex(next());
                        out.append((char) v);
                    }
                    default -> throw malformed();
                }
            } else if (c >= 0x20) {
                out.append((char) c);
            } else if (c >= 0) {
                throw malformed();
            } else {
                i = utf8(c, i, out);
            }
        }
    }

    /** Decodes one multi-byte UTF-8 sequence whose lead byte {@code c} was at {@code at - 1}; returns the next index. */
    protected int utf8(byte c, int at, StringBuilder out) throws Malformed {
        int lead = c & 0xFF;
        int n;
        int cp;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            cp = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            cp = lead & 0x07;
        } else {
            throw malformed();
        }
        for (int k = 0; k < n; k++) {
            if (at >= end) throw malformed();
            int cont = b[at++] & 0xFF;
            if ((cont & 0xC0) != 0x80) throw malformed();
            cp = (cp << 6) | (cont & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            throw malformed(); // overlong or surrogate: leave it to the full parser
        }
        if (out != null) out.appendCodePoint(cp);
        return at;
    }

    private static int hex(byte c) throws Malformed {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw malformed();
    }

    /** The byte at {@code i}, consumed; never past the event (the array may hold stale bytes beyond it). */
    protected byte next() throws Malformed {
        if (i >= end) throw malformed();
        return b[i++];
    }

    protected byte peek() throws Malformed {
        if (i >= end) throw malformed();
        return b[i];
    }

    protected void ws() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }
}
