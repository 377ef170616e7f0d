package dev.redline.runner.client;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A request ready for the wire: body bytes and headers, built before the send time so nothing but
 * the transport sits between the send timestamp and the socket.
 *
 * @param requestId     the X-Request-ID sent (a fresh UUID per request)
 * @param correlationId the X-Correlation-ID sent (per session)
 */
public record PreparedRequest(Buffer body, MultiMap headers, String requestId, String correlationId) {
}
