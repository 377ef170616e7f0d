package dev.redline.runner.client;

import dev.redline.runner.record.ErrorInfo;

import java.nio.charset.StandardCharsets;

/**
 * The errors of a response that arrived but is broken, so that no broken response counts as a success.
 * The code is the HTTP status received (200) unless said otherwise; docs/metrics.md lists every type.
 */
public final class ResponseErrors {
    /** The stream (or body) ended, or its connection closed, before finish_reason or [DONE]. */
    public static final String STREAM_TRUNCATED = "StreamTruncated";
    /** An SSE event whose data is not a JSON object. */
    public static final String INVALID_STREAM_CHUNK = "InvalidStreamChunk";
    /** A server error inside a 200 stream ({@code event: error} or data with {@code error}); AIPerf's type name. */
    public static final String SSE_RESPONSE_ERROR = "SSEResponseError";
    /** A non-streaming 200 body that carries {@code error} instead of a result. */
    public static final String RESPONSE_BODY_ERROR = "ResponseBodyError";
    /** A non-streaming 200 body that is not a JSON object. */
    public static final String INVALID_RESPONSE_BODY = "InvalidResponseBody";
    /** A 200 answer with no SSE event or no body byte at all. */
    public static final String EMPTY_RESPONSE_BODY = "EmptyResponseBody";
    /** A 200 answer whose Content-Type is neither text/event-stream nor JSON. */
    public static final String UNEXPECTED_CONTENT_TYPE = "UnexpectedContentType";

    /** AIPerf's code for an error event inside a stream when the server gives none. */
    static final int SSE_ERROR_CODE = 502;
    private static final int EXCERPT = 80;

    private ResponseErrors() { }

    /** {@code cause}: the transport's words when the connection failed, else null. */
    static ErrorInfo truncated(int status, int contentChunks, String how, String cause) {
        return new ErrorInfo(status, STREAM_TRUNCATED, how + " after " + contentChunks + " content chunk"
                + (contentChunks == 1 ? "" : "s") + ", without finish_reason or [DONE]" + (cause == null ? "" : " (" + cause + ")"));
    }

    static ErrorInfo bodyCut(int status, int bytes, Throwable cause) {
        return new ErrorInfo(status, STREAM_TRUNCATED, "response body cut after " + bytes + " bytes ("
                + TransportErrors.of(cause).message() + ")");
    }

    static ErrorInfo invalidChunk(int status, int event, String why, byte[] data, int length) {
        return new ErrorInfo(status, INVALID_STREAM_CHUNK, "SSE event " + event + " is not a JSON object ("
                + why + "): " + excerpt(data, length));
    }

    /** The server's own message; its code when it is an HTTP status, else AIPerf's 502. */
    static ErrorInfo streamError(String message, int code, byte[] data, int length) {
        String text = message != null && !message.isEmpty() ? message
                : length > 0 ? excerpt(data, length) : "error event without a message";
        return new ErrorInfo(code >= 400 && code <= 599 ? code : SSE_ERROR_CODE, SSE_RESPONSE_ERROR, text);
    }

    static ErrorInfo bodyError(int status, String message) {
        return new ErrorInfo(status, RESPONSE_BODY_ERROR, message == null || message.isEmpty() ? "error without a message" : message);
    }

    static ErrorInfo invalidBody(int status, String why, byte[] body) {
        return new ErrorInfo(status, INVALID_RESPONSE_BODY, "response body is not a JSON object (" + why + "): "
                + excerpt(body, body.length));
    }

    static ErrorInfo empty(int status, boolean streaming) {
        return new ErrorInfo(status, EMPTY_RESPONSE_BODY, streaming ? "200 stream carried no SSE event" : "200 response with an empty body");
    }

    static ErrorInfo unexpectedContentType(int status, String contentType, boolean streaming) {
        return new ErrorInfo(status, UNEXPECTED_CONTENT_TYPE, "200 response with Content-Type " + contentType
                + "; expected " + (streaming ? "text/event-stream or application/json" : "application/json"));
    }

    private static String excerpt(byte[] data, int length) {
        int n = Math.min(length, EXCERPT);
        String s = new String(data, 0, n, StandardCharsets.UTF_8);
        return n < length ? s + "..." : s;
    }
}
