package dev.redline.runner.client;

/**
 * Allocation-free byte scan of one response JSON for the fields {@link ResponseParser} extracts, with the
 * same meaning: {@code choices[0].delta|message.{content, reasoning_content, reasoning}}, {@code choices[0].text},
 * {@code usage} and whether {@code data} is non-null. Text is decoded (UTF-8, JSON escapes) straight into
 * reused builders, so an SSE chunk costs no String, parser or tree allocation.
 *
 * <p>Strict: it accepts only plain RFC 8259 JSON. Anything else (malformed input, leading zeros, ints
 * beyond 32 bits, invalid UTF-8, escaped field names, deep nesting, a non-object usage) makes {@link #scan}
 * return false, and the caller falls back to Jackson, which then decides; so the two agree on every input
 * within Jackson's default size limits. Single-threaded, reused per response.
 */
final class ChunkFieldScanner {
    final StringBuilder content = new StringBuilder(64);
    final StringBuilder reasoning = new StringBuilder(64);
    boolean hasContent;
    boolean hasReasoning;
    boolean hasUsage;
    boolean hasData;
    int prompt;
    int completion;
    int total;
    int reasoningTokens;
    int cached;

    private static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_LENGTH = 1000;

    private byte[] b;
    private int i;
    private int end;
    private int depth;

    /** True when {@code bytes} is plain JSON with an object at the root and the fields were read. */
    boolean scan(byte[] bytes, int off, int len) {
        content.setLength(0);
        reasoning.setLength(0);
        hasContent = hasReasoning = hasUsage = hasData = false;
        b = bytes;
        i = off;
        end = off + len;
        depth = 0;
        try {
            return root();
        } catch (Malformed | ArrayIndexOutOfBoundsException e) {
            return false;
        } finally {
            b = null;
        }
    }

    /** Input this scanner does not take; the caller falls back to the full parser. */
    private static final class Malformed extends Exception {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    private static Malformed malformed() {
        return Malformed.INSTANCE;
    }

    private boolean root() throws Malformed {
        ws();
        if (i >= end || b[i] != '{') return false;
        i++;
        ws();
        if (peek() == '}') return true;
        while (true) {
            int nameStart = i;
            int nameLen = fieldName();
            if (is(nameStart, nameLen, "choices")) choices();
            else if (is(nameStart, nameLen, "usage")) usage();
            else if (is(nameStart, nameLen, "data")) {
                hasData = peek() != 'n';
                value();
            } else {
                value();
            }
            if (!nextMember('}')) return true;
        }
    }

    private void choices() throws Malformed {
        if (peek() != '[') {
            value();
            return;
        }
        i++;
        ws();
        if (peek() == ']') {
            i++;
            return;
        }
        if (peek() == '{') firstChoice();
        else value();
        while (nextMember(']')) value();
    }

    private void firstChoice() throws Malformed {
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            int s = i;
            int n = fieldName();
            if ((is(s, n, "delta") || is(s, n, "message")) && peek() == '{') {
                message();
            } else if (is(s, n, "text") && peek() == '"') {
                content.setLength(0);
                string(content);
                hasContent = true;
            } else {
                value();
            }
            if (!nextMember('}')) return;
        }
    }

    private void message() throws Malformed {
        i++;
        ws();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            int s = i;
            int n = fieldName();
            if (peek() == '"' && is(s, n, "content")) {
                content.setLength(0);
                string(content);
                hasContent = true;
            } else if (peek() == '"' && is(s, n, "reasoning_content")) {
                reasoning.setLength(0);
                string(reasoning);
                hasReasoning = true;
            } else if (peek() == '"' && is(s, n, "reasoning") && !hasReasoning) {
                string(reasoning);
                hasReasoning = true;
            } else {
                value();
            }
            if (!nextMember('}')) return;
        }
    }

    private void usage() throws Malformed {
        if (peek() == '[') throw malformed(); // Jackson's reader stops at a usage array: let it decide
        if (peek() != '{') {
            value();
            return;
        }
        i++;
        hasUsage = true;
        prompt = completion = total = reasoningTokens = cached = -1;
        ws();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            int s = i;
            int n = fieldName();
            if (is(s, n, "prompt_tokens")) prompt = intOr();
            else if (is(s, n, "completion_tokens")) completion = intOr();
            else if (is(s, n, "total_tokens")) total = intOr();
            else if (is(s, n, "completion_tokens_details")) {
                int r = nestedInt("reasoning_tokens");
                if (r >= 0) reasoningTokens = r;
            } else if (is(s, n, "prompt_tokens_details")) {
                int c = nestedInt("cached_tokens");
                if (c >= 0) cached = c;
            } else if (is(s, n, "reasoning_tokens")) {
                int r = intOr();
                if (r >= 0) reasoningTokens = r;
            } else {
                value();
            }
            if (!nextMember('}')) return;
        }
    }

    private int nestedInt(String field) throws Malformed {
        if (peek() != '{') {
            value();
            return -1;
        }
        i++;
        ws();
        int out = -1;
        if (peek() == '}') {
            i++;
            return out;
        }
        while (true) {
            int s = i;
            int n = fieldName();
            if (is(s, n, field)) out = intOr();
            else value();
            if (!nextMember('}')) return out;
        }
    }

    /** An integer literal's value; -1 for any other value (skipped), as Jackson's VALUE_NUMBER_INT check. */
    private int intOr() throws Malformed {
        int start = i;
        byte c = peek();
        if (c != '-' && (c < '0' || c > '9')) {
            value();
            return -1;
        }
        number();
        long v = 0;
        boolean neg = b[start] == '-';
        for (int k = neg ? start + 1 : start; k < i; k++) {
            byte d = b[k];
            if (d < '0' || d > '9') return -1; // fraction or exponent: a float, not an int
            v = v * 10 + (d - '0');
            if (v > Integer.MAX_VALUE + 1L) throw malformed(); // Jackson fails on ints beyond 32 bits
        }
        v = neg ? -v : v;
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw malformed();
        return (int) v;
    }

    // ------------------------------------------------------------------------------------ grammar

    /** Reads {@code "name"} and the colon; returns the name's raw length (start is the position before). */
    private int fieldName() throws Malformed {
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
    private boolean is(int start, int quotedLen, String name) {
        int n = name.length();
        if (quotedLen != n + 2) return false;
        for (int k = 0; k < n; k++) if (b[start + 1 + k] != name.charAt(k)) return false;
        return true;
    }

    /** After a member or element: true at ',', false at {@code close} (consumed). */
    private boolean nextMember(char close) throws Malformed {
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

    private void value() throws Malformed {
        if (++depth > MAX_DEPTH) throw malformed();
        try {
            container();
        } finally {
            depth--;
        }
    }

    private void container() throws Malformed {
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

    private void literal(String word) throws Malformed {
        for (int k = 0; k < word.length(); k++) {
            if (i >= end || b[i] != word.charAt(k)) throw malformed();
            i++;
        }
    }

    /** RFC 8259 number; leading zeros are rejected (as Jackson does by default). */
    private void number() throws Malformed {
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

    private void digits() throws Malformed {
        int s = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') i++;
        if (i == s) throw malformed();
    }

    private void skipString() throws Malformed {
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
    private void string(StringBuilder out) throws Malformed {
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
    private int utf8(byte c, int at, StringBuilder out) throws Malformed {
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
    private byte next() throws Malformed {
        if (i >= end) throw malformed();
        return b[i++];
    }

    private byte peek() throws Malformed {
        if (i >= end) throw malformed();
        return b[i];
    }

    private void ws() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }
}
