package dev.redline.runner.client;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A request ready for the wire: body bytes and headers, built before the send time so nothing but
 * the transport sits between the send timestamp and the socket.
 *
 * @param requestId     the X-Request-ID sent (a fresh UUID per request)
 * @param correlationId the session id sent in the session header (X-Correlation-ID by default)
 * @param uri           the request URI when it differs per request (a model in the path), else null
 */
public record PreparedRequest(Buffer body, MultiMap headers, String requestId, String correlationId, String uri) {
    public PreparedRequest(Buffer body, MultiMap headers, String requestId, String correlationId) {
        this(body, headers, requestId, correlationId, null);
    }
}
