package dev.redline.runner.client;

import dev.redline.runner.record.SpecDecodeStats;
import dev.redline.runner.record.Usage;

/**
 * Reads one response document of an endpoint type: an SSE event's data, or a whole non-streaming body. Each
 * endpoint type has its own (the registry {@code dev.redline.runner.endpoint.Endpoints} hands one out per
 * exchange); the exchange asks only these questions. Single-threaded; what a getter returns is valid until
 * the next {@link #parse}, so implementations may reuse builders instead of allocating per chunk.
 */
public interface ResponseParser {
    /** Parses one document; false (and no fields set, {@link #failure()} says why) when it is not what the type sends. */
    boolean parse(byte[] bytes, int off, int len);

    /** The generated text of this document, or null. */
    CharSequence contentChars();

    /** The reasoning text of this document, or null. */
    CharSequence reasoningChars();

    /** The server's token counts carried by this document, or null. */
    Usage usage();

    /**
     * vLLM's per-request {@code metrics.speculative_decoding} object carried by this document (unchecked), or null
     * when it carries none (absent, null, not an object, or empty).
     */
    default SpecDecodeStats specDecode() { return null; }

    /** True when the document is a valid result that carries no text (embeddings, rankings, images...). */
    boolean hasData();

    /** True when this document ends the generation (a finish reason, a completed event). */
    boolean finished();

    /** True when the document carries a server error. */
    boolean hasError();

    /** The server's error message ("" when it gave none), or null without an error. */
    String errorMessage();

    /** The server's integer error code, or -1. */
    int errorCode();

    /** A top-level {@code message} string (how an SSE error event may say what went wrong), or null. */
    String topLevelMessage();

    /** Why the last {@link #parse} returned false; null after a success. */
    String failure();

    /**
     * Generated items other than text in this document (images; AIPerf's num_images), 0 when none. A
     * non-streaming body counts all of them.
     */
    default int generatedItems() { return 0; }

    /**
     * True when a stream is whole only once an end marker ({@code [DONE]}, a finish reason, a completed event)
     * arrived; false for APIs whose streams just end (Triton's generate_stream).
     */
    default boolean streamNeedsEndMarker() { return true; }

    default String content() {
        CharSequence c = contentChars();
        return c == null ? null : c.toString();
    }

    default String reasoning() {
        CharSequence r = reasoningChars();
        return r == null ? null : r.toString();
    }

    /** True when the bytes are exactly the {@code [DONE]} sentinel. */
    static boolean isDone(byte[] b, int off, int len) {
        return len == 6 && b[off] == '[' && b[off + 1] == 'D' && b[off + 2] == 'O' && b[off + 3] == 'N'
                && b[off + 4] == 'E' && b[off + 5] == ']';
    }
}
