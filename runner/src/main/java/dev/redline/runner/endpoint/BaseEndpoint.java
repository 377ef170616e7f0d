package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/**
 * What most endpoint types share: the type's own fields, then {@code --extra-inputs} merged shallowly at the
 * top level and the turn's own extras after them (AIPerf), encoded as JSON or, when asked or required, as a
 * multipart form.
 */
abstract class BaseEndpoint implements Endpoint {
    protected final ClientConfig config;
    private final EndpointType type;

    BaseEndpoint(EndpointType type, ClientConfig config) {
        this.type = type;
        this.config = config;
    }

    @Override
    public final EndpointType type() { return type; }

    /** The type's own fields of the payload, in a fresh mutable map. */
    protected abstract Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history);

    @Override
    public Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = fields(turn, model, history == null ? List.of() : history);
        body.putAll(config.extraInputs());
        body.putAll(turn.extra());
        return body;
    }

    @Override
    public WireBody encode(Map<String, Object> payload) {
        if (EndpointSpec.MULTIPART.equals(config.requestContentType())) return MultipartEncoder.encode(payload);
        return new WireBody(JsonPayloads.json(payload), EndpointSpec.JSON);
    }

    /** The requested output length field, or nothing when the turn asks for none. */
    protected static void putIfSet(Map<String, Object> body, String field, Integer value) {
        if (value != null) body.put(field, value);
    }
}
