package dev.redline.runner.client;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/**
 * Splits an SSE byte stream into events per the HTML SSE rules: lines end with LF, CRLF or CR; a blank
 * line ends an event; lines starting with ':' are comments; multiple {@code data} lines join with LF;
 * an event typed {@code event: error} (how some servers report a failure inside a 200 stream) goes to
 * {@link Listener#onErrorEvent}, with or without data. A comment that is a {@link SourceStamp} is kept
 * as the send time of the events that follow it ({@link #sentStampNs()}).
 * Each event is stamped with the arrival time of the buffer that carried its <em>first</em> byte, which
 * may be earlier than the buffer that completes it (AIPerf's chunk timestamp).
 *
 * <p>Single-threaded (one per response); reuses its arrays, so the data handed to the listener is only
 * valid during the callback.
 */
public final class SseEventParser {
    /** Receives one event's joined data field. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(byte[] data, int length, long firstBytePerfNs);

        /** An {@code event: error} event; its data (may be empty) as for {@link #onEvent}. */
        default void onErrorEvent(byte[] data, int length, long firstBytePerfNs) {
            onEvent(data, length, firstBytePerfNs);
        }
    }

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};

    private final Listener listener;
    private byte[] scratch = new byte[4096];
    private byte[] line = new byte[512];
    private int lineLen;
    private byte[] data = new byte[1024];
    private int dataLen;
    private boolean hasData;
    private boolean errorEvent;
    private boolean eventStarted;
    private long eventFirstByteNs;
    private boolean afterCr;
    private long sentStampNs = SourceStamp.NONE;

    public SseEventParser(Listener listener) {
        this.listener = listener;
    }

    /** Feeds one network buffer that arrived at {@code arrivalPerfNs}. */
    public void feed(Buffer buf, long arrivalPerfNs) {
        int n = buf.length();
        if (scratch.length < n) scratch = new byte[Math.max(n, scratch.length * 2)];
        buf.getBytes(0, n, scratch, 0);
        feed(scratch, 0, n, arrivalPerfNs);
    }

    public void feed(byte[] bytes, int off, int len, long arrivalPerfNs) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (afterCr) {
                afterCr = false;
                if (bytes[i] == LF) { // second half of CRLF
                    i++;
                    continue;
                }
            }
            if (!eventStarted) {
                eventStarted = true;
                eventFirstByteNs = arrivalPerfNs;
            }
            // scan to the line end, then copy the segment in bulk (no per-byte copy and growth check)
            int j = i;
            while (j < end) {
                byte b = bytes[j];
                if (b == LF || b == CR) break;
                j++;
            }
            appendLine(bytes, i, j - i);
            if (j == end) return; // the line continues in the next buffer
            if (bytes[j] == CR) afterCr = true;
            endLine();
            i = j + 1;
        }
    }

    private void appendLine(byte[] src, int from, int n) {
        if (n == 0) return;
        if (lineLen + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
        System.arraycopy(src, from, line, lineLen, n);
        lineLen += n;
    }

    /**
     * The server's send time of the event being dispatched ({@link SourceStamp}: the latest stamp comment
     * so far, which applies to the events after it), or {@link SourceStamp#NONE}.
     */
    public long sentStampNs() { return sentStampNs; }

    /** Dispatches a final event that the server ended without a blank line. */
    public void finish() {
        if (lineLen > 0) endLine();
        dispatch();
    }

    private void endLine() {
        if (lineLen == 0) {
            dispatch();
            return;
        }
        if (line[0] != ':' && isField(DATA)) {
            int start = 4;
            if (lineLen > 4 && line[4] == ':') start = 5;
            if (start == 5 && lineLen > 5 && line[5] == ' ') start = 6;
            if (hasData) appendData(LF);
            hasData = true;
            int n = lineLen - start;
            if (n > 0) {
                if (dataLen + n > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, dataLen + n));
                System.arraycopy(line, start, data, dataLen, n);
                dataLen += n;
            }
        } else if (line[0] == ':') {
            long stamp = SourceStamp.parseComment(line, lineLen);
            if (stamp != SourceStamp.NONE) sentStampNs = stamp;
        } else if (isField(EVENT)) {
            errorEvent = valueIs(ERROR);
        }
        lineLen = 0;
    }

    /** True for a line whose field name is exactly {@code name} ("name" alone, or "name:..."). */
    private boolean isField(byte[] name) {
        int n = name.length;
        if (lineLen < n) return false;
        for (int k = 0; k < n; k++) if (line[k] != name[k]) return false;
        return lineLen == n || line[n] == ':';
    }

    /** True when the value of the current {@code event} line is {@code value}. */
    private boolean valueIs(byte[] value) {
        int start = EVENT.length + 1;
        if (start < lineLen && line[start] == ' ') start++;
        if (lineLen - start != value.length) return false;
        for (int k = 0; k < value.length; k++) if (line[start + k] != value[k]) return false;
        return true;
    }

    private void appendData(byte b) {
        if (dataLen == data.length) data = Arrays.copyOf(data, dataLen * 2);
        data[dataLen++] = b;
    }

    private void dispatch() {
        if (errorEvent) listener.onErrorEvent(data, dataLen, eventFirstByteNs);
        else if (hasData) listener.onEvent(data, dataLen, eventFirstByteNs);
        hasData = false;
        errorEvent = false;
        dataLen = 0;
        eventStarted = false;
    }
}
