package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;
import io.vertx.core.MultiMap;

import java.util.List;
import java.util.Map;

/**
 * One endpoint type's wire format: the payload a turn becomes, how it is encoded, the type's own headers, and
 * the parser that reads its responses. {@link Endpoints} holds one per {@link EndpointType}. Payloads are
 * built before their send time (and cached per turn when there is no history), never between the send
 * timestamp and the socket; implementations must not block.
 */
public interface Endpoint {
    EndpointType type();

    /**
     * The request payload of one turn, JSON-shaped (maps, lists, strings, numbers, {@link FormFile}s), with
     * {@code --extra-inputs} and the turn's own extras merged: what inputs.json shows and what {@link #encode}
     * puts on the wire.
     *
     * @param history earlier messages of the session (empty for single-turn); used by chat-like types
     */
    Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history);

    /** The payload as wire bytes with their content type (JSON, multipart form, protobuf). */
    WireBody encode(Map<String, Object> payload);

    /** A fresh parser for one exchange. */
    ResponseParser newParser();

    /** Adds the type's own headers (an API key scheme, an API version) after the common ones; -H headers still win. */
    default void addHeaders(MultiMap headers) { }

    /** True when the request carries the {@code Authorization: Bearer} header for --api-key (false where the API uses another). */
    default boolean bearerAuth() { return true; }
}
