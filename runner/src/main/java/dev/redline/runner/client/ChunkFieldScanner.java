package dev.redline.runner.client;

/**
 * Allocation-free byte scan of one response JSON for the fields {@link ResponseParser} extracts, with the
 * same meaning: {@code choices[0].delta|message.{content, reasoning_content, reasoning}}, {@code choices[0].text},
 * whether {@code choices[0].finish_reason} is set, {@code usage}, whether {@code data} is non-null, and an
 * error the server put in the body ({@code error} as an object or a string, or vLLM's older
 * {@code "object":"error"} with top-level {@code message}/{@code code}). Text is decoded (UTF-8, JSON escapes) straight into
 * reused builders, so an SSE chunk costs no String, parser or tree allocation.
 *
 * <p>Strict: it accepts only plain RFC 8259 JSON. Anything else (malformed input, leading zeros, ints
 * beyond 32 bits, invalid UTF-8, escaped field names, deep nesting, a non-object usage) makes {@link #scan}
 * return false, and the caller falls back to Jackson, which then decides; so does a root {@code metrics} object (vLLM's
 * per-request spec-decode stats, once per request), which only Jackson reads; so the two agree on every input
 * within Jackson's default size limits. Single-threaded, reused per response.
 */
final class ChunkFieldScanner extends JsonByteReader {
    final StringBuilder content = new StringBuilder(64);
    final StringBuilder reasoning = new StringBuilder(64);
    final StringBuilder errorMessage = new StringBuilder(32);
    final StringBuilder topMessage = new StringBuilder(32);
    boolean hasTopMessage;
    boolean hasContent;
    boolean hasReasoning;
    boolean hasUsage;
    boolean hasData;
    boolean finished;
    boolean hasError;
    int errorCode;
    private boolean objectIsError;
    private int topCode;
    int prompt;
    int completion;
    int total;
    int reasoningTokens;
    int cached;

    /** True when {@code bytes} is plain JSON with an object at the root and the fields were read. */
    boolean scan(byte[] bytes, int off, int len) {
        content.setLength(0);
        reasoning.setLength(0);
        errorMessage.setLength(0);
        topMessage.setLength(0);
        hasContent = hasReasoning = hasUsage = hasData = finished = hasError = objectIsError = hasTopMessage = false;
        errorCode = topCode = -1;
        reset(bytes, off, len);
        try {
            boolean ok = root();
            if (ok && !hasError && objectIsError) {
                hasError = true;
                errorMessage.append(topMessage);
                errorCode = topCode;
            }
            return ok;
        } catch (Malformed | ArrayIndexOutOfBoundsException e) {
            return false;
        } finally {
            release();
        }
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
            } else if (is(nameStart, nameLen, "error")) {
                error();
            } else if (is(nameStart, nameLen, "object") && peek() == '"') {
                int s = i;
                skipString();
                for (int k = s + 1; k < i - 1; k++) if (b[k] == '\\') throw malformed(); // compare decoded
                objectIsError = is(s, i - s, "error");
            } else if (is(nameStart, nameLen, "message") && peek() == '"') {
                topMessage.setLength(0);
                string(topMessage);
                hasTopMessage = true;
            } else if (is(nameStart, nameLen, "code")) {
                topCode = intOr();
            } else if (is(nameStart, nameLen, "metrics") && peek() == '{') {
                // vLLM's per-request spec-decode object: once per request (body or trailing chunk), so Jackson reads it
                throw malformed();
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
        if (!openObject()) return;
        while (true) {
            int s = i;
            int n = fieldName();
            if ((is(s, n, "delta") || is(s, n, "message")) && peek() == '{') {
                message();
            } else if (is(s, n, "text") && peek() == '"') {
                content.setLength(0);
                string(content);
                hasContent = true;
            } else if (is(s, n, "finish_reason")) {
                finished = peek() != 'n';
                value();
            } else {
                value();
            }
            if (!nextMember('}')) return;
        }
    }

    private void message() throws Malformed {
        if (!openObject()) return;
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

    /** {@code error}: null is none; a string is the message; an object gives message and code; anything else is an error too. */
    private void error() throws Malformed {
        byte c = peek();
        if (c == 'n') {
            value();
            return;
        }
        hasError = true;
        errorMessage.setLength(0);
        errorCode = -1;
        if (c == '"') {
            string(errorMessage);
            return;
        }
        if (c != '{') {
            value();
            return;
        }
        if (!openObject()) return;
        while (true) {
            int s = i;
            int n = fieldName();
            if (is(s, n, "message") && peek() == '"') {
                errorMessage.setLength(0);
                string(errorMessage);
            } else if (is(s, n, "code")) {
                errorCode = intOr();
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
        hasUsage = true;
        prompt = completion = total = reasoningTokens = cached = -1;
        if (!openObject()) return;
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
        int out = -1;
        if (!openObject()) return out;
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
}
