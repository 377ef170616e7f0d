package dev.redline.runner.client;

import dev.redline.runner.record.Usage;

/**
 * Opt-in reasoning split for servers that put the model's thinking into the content as a leading
 * {@code <think>...</think>} (--split-think-tags): that part counts as reasoning, the rest as output, across
 * chunk boundaries (a tag may arrive in pieces). Wraps the endpoint type's parser; reasoning the server
 * already sent separately passes through. Reuses its builders: no allocation per chunk.
 */
final class ThinkTagSplitter implements ResponseParser {
    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private enum Mode { START, THINK, OUTPUT }

    private final ResponseParser inner;
    private final StringBuilder content = new StringBuilder(64);
    private final StringBuilder reasoning = new StringBuilder(64);
    /** Text held back because it may be the start of a tag that the next chunk completes. */
    private final StringBuilder pending = new StringBuilder(16);
    private Mode mode = Mode.START;

    ThinkTagSplitter(ResponseParser inner) {
        this.inner = inner;
    }

    @Override
    public boolean parse(byte[] bytes, int off, int len) {
        content.setLength(0);
        reasoning.setLength(0);
        if (!inner.parse(bytes, off, len)) return false;
        CharSequence r = inner.reasoningChars();
        if (r != null) reasoning.append(r);
        CharSequence c = inner.contentChars();
        if (c != null && c.length() > 0) split(c);
        return true;
    }

    private void split(CharSequence c) {
        if (mode == Mode.OUTPUT) {
            content.append(c);
            return;
        }
        pending.append(c);
        if (mode == Mode.START) {
            int start = 0;
            while (start < pending.length() && Character.isWhitespace(pending.charAt(start))) start++;
            int have = pending.length() - start;
            if (have < OPEN.length() && OPEN.startsWith(pending.substring(start))) return; // wait for more
            if (have >= OPEN.length() && pending.indexOf(OPEN, start) == start) {
                pending.delete(0, start + OPEN.length());
                mode = Mode.THINK;
            } else {
                mode = Mode.OUTPUT;
                content.append(pending);
                pending.setLength(0);
                return;
            }
        }
        int close = pending.indexOf(CLOSE);
        if (close >= 0) {
            reasoning.append(pending, 0, close);
            content.append(pending, close + CLOSE.length(), pending.length());
            pending.setLength(0);
            mode = Mode.OUTPUT;
            return;
        }
        int keep = partialCloseSuffix();
        reasoning.append(pending, 0, pending.length() - keep);
        pending.delete(0, pending.length() - keep);
    }

    /** The length of the longest end of {@link #pending} that is a proper prefix of {@code </think>}. */
    private int partialCloseSuffix() {
        for (int n = Math.min(CLOSE.length() - 1, pending.length()); n > 0; n--) {
            boolean match = true;
            for (int k = 0; k < n && match; k++) match = pending.charAt(pending.length() - n + k) == CLOSE.charAt(k);
            if (match) return n;
        }
        return 0;
    }

    @Override public CharSequence contentChars() { return content.length() == 0 ? null : content; }
    @Override public CharSequence reasoningChars() { return reasoning.length() == 0 ? null : reasoning; }
    @Override public Usage usage() { return inner.usage(); }
    @Override public boolean hasData() { return inner.hasData(); }
    @Override public boolean finished() { return inner.finished(); }
    @Override public boolean hasError() { return inner.hasError(); }
    @Override public String errorMessage() { return inner.errorMessage(); }
    @Override public int errorCode() { return inner.errorCode(); }
    @Override public String topLevelMessage() { return inner.topLevelMessage(); }
    @Override public String failure() { return inner.failure(); }
    @Override public int generatedItems() { return inner.generatedItems(); }
    @Override public boolean streamNeedsEndMarker() { return inner.streamNeedsEndMarker(); }
}
