package dev.redline.runner.client;

import io.vertx.core.buffer.Buffer;

/**
 * The wire contract by which a server (our mock) stamps its responses with its own clock, so that the
 * client's share of each latency is measured at the source: client-added = receive time minus the
 * server's send time, per chunk, whatever made the server late. Both sides read {@link System#nanoTime()},
 * which on HotSpot/Linux is {@code clock_gettime(CLOCK_MONOTONIC)}: one clock for every process on the
 * host (docs/performance.md), so the stamps only mean something when client and server share a host.
 *
 * <p>Opt-in per request ({@link #REQUEST_HEADER}), so no other client ever sees a stamp. Stamps change no
 * shape a client parses: a streaming response carries them as SSE comment lines ({@code : sent-ns=N}, which
 * every SSE reader ignores), one at the start of each write, applying to the events that follow it; a whole
 * body carries {@link #SENT_HEADER}. Every stamped response also says when the request arrived
 * ({@link #RECEIVED_HEADER}).
 */
public final class SourceStamp {
    /** Sent by Redline's client on every request: "stamp your responses if you can". */
    public static final String REQUEST_HEADER = "x-redline-stamp";
    /** The server's clock when its handler received the request. */
    public static final String RECEIVED_HEADER = "x-redline-received-ns";
    /** Whole body: the server's clock just before it wrote the body. */
    public static final String SENT_HEADER = "x-redline-sent-ns";
    /** SSE: a comment line {@code : sent-ns=<N>\n}; this is what follows the colon. */
    static final byte[] COMMENT_KEY = {' ', 's', 'e', 'n', 't', '-', 'n', 's', '='};
    private static final byte[] COMMENT_PREFIX = {':', ' ', 's', 'e', 'n', 't', '-', 'n', 's', '='};
    /** No stamp: the clock reading 0 would be the instant the host booted. */
    public static final long NONE = 0;

    private SourceStamp() {}

    /** Appends the SSE comment line for {@code nanos} without allocating. */
    public static void appendComment(Buffer out, long nanos) {
        out.appendBytes(COMMENT_PREFIX);
        appendDecimal(out, nanos);
        out.appendByte((byte) '\n');
    }

    static void appendDecimal(Buffer out, long v) {
        if (v < 0) {
            out.appendByte((byte) '-');
            if (v == Long.MIN_VALUE) {
                out.appendBytes("9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return;
            }
            v = -v;
        }
        long div = 1;
        while (v / div >= 10) div *= 10;
        for (; div > 0; div /= 10) out.appendByte((byte) ('0' + (v / div) % 10));
    }

    /**
     * The stamp in the comment line {@code line[0..len)} (starting with ':'), or {@link #NONE} when the
     * comment is not a stamp.
     */
    static long parseComment(byte[] line, int len) {
        int k = COMMENT_KEY.length;
        if (len <= 1 + k) return NONE;
        for (int i = 0; i < k; i++) if (line[1 + i] != COMMENT_KEY[i]) return NONE;
        return parseDecimal(line, 1 + k, len);
    }

    /** A header value's stamp, or {@link #NONE} when absent or not a number. */
    public static long parseHeader(String value) {
        if (value == null || value.isEmpty()) return NONE;
        long v = 0;
        int i = 0;
        boolean negative = value.charAt(0) == '-';
        if (negative) i = 1;
        if (i >= value.length() || value.length() - i > 19) return NONE;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return NONE;
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private static long parseDecimal(byte[] b, int from, int to) {
        boolean negative = b[from] == '-';
        int i = negative ? from + 1 : from;
        if (i >= to || to - i > 19) return NONE;
        long v = 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') return NONE;
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }
}
