package dev.redline.runner.client;

import dev.redline.runner.dataset.Turn;

import java.util.List;

/** Turns an endpoint-independent {@link Turn} into the wire request of one endpoint type. */
public interface RequestFactory {
    /**
     * @param history       earlier messages of the session (empty for single-turn); chat only
     * @param correlationId the session's X-Correlation-ID, or null to generate one
     */
    PreparedRequest build(Turn turn, String model, List<ChatMessage> history, String correlationId);

    default PreparedRequest build(Turn turn, String model) { return build(turn, model, List.of(), null); }

    /** The JSON body alone, e.g. for inputs.json. */
    byte[] body(Turn turn, String model, List<ChatMessage> history);

    /** The factory for the config's endpoint type, from the plugin registry ({@link EndpointPlugins}). */
    static RequestFactory forConfig(ClientConfig config) {
        return EndpointPlugins.factoryFor(config);
    }
}
