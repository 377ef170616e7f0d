package dev.redline.runner.client;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/**
 * Splits an SSE byte stream into events per the HTML SSE rules: lines end with LF, CRLF or CR; a blank
 * line ends an event; lines starting with ':' are comments; multiple {@code data} lines join with LF.
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
    }

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final Listener listener;
    private byte[] scratch = new byte[4096];
    private byte[] line = new byte[512];
    private int lineLen;
    private byte[] data = new byte[1024];
    private int dataLen;
    private boolean hasData;
    private boolean eventStarted;
    private long eventFirstByteNs;
    private boolean afterCr;

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
        if (line[0] != ':' && isDataField()) {
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
        }
        lineLen = 0;
    }

    /** True for a line whose field name is exactly "data" ("data" alone, or "data:..."). */
    private boolean isDataField() {
        if (lineLen < 4 || line[0] != 'd' || line[1] != 'a' || line[2] != 't' || line[3] != 'a') return false;
        return lineLen == 4 || line[4] == ':';
    }

    private void appendData(byte b) {
        if (dataLen == data.length) data = Arrays.copyOf(data, dataLen * 2);
        data[dataLen++] = b;
    }

    private void dispatch() {
        if (hasData) listener.onEvent(data, dataLen, eventFirstByteNs);
        hasData = false;
        dataLen = 0;
        eventStarted = false;
    }
}
