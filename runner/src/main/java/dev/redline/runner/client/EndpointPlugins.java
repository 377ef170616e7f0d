package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.plugin.PluginRegistry;

import java.util.function.Function;

/**
 * The endpoint types requests are built for, in the plugin registry: each {@link EndpointType} name maps to its
 * request factory. {@link RequestFactory#forConfig} dispatches here; a new endpoint type registers here.
 */
public final class EndpointPlugins {
    public static final PluginRegistry.Category<Function<ClientConfig, RequestFactory>> ENDPOINTS = PluginRegistry.category("endpoint");

    static {
        ENDPOINTS.register(EndpointType.CHAT.wireName(), "OpenAI chat completions (" + EndpointType.CHAT.defaultPath() + "), streaming", ChatRequestFactory::new);
        ENDPOINTS.register(EndpointType.COMPLETIONS.wireName(), "OpenAI text completions (" + EndpointType.COMPLETIONS.defaultPath() + "), streaming", CompletionsRequestFactory::new);
        ENDPOINTS.register(EndpointType.EMBEDDINGS.wireName(), "OpenAI embeddings (" + EndpointType.EMBEDDINGS.defaultPath() + "), batched inputs", EmbeddingsRequestFactory::new);
    }

    private EndpointPlugins() { }

    /** The factory registered for the config's endpoint type. */
    static RequestFactory factoryFor(ClientConfig config) {
        Function<ClientConfig, RequestFactory> f = ENDPOINTS.find(config.endpointType().wireName());
        if (f == null) {
            throw new IllegalArgumentException("endpoint type " + config.endpointType().wireName()
                    + " has no request factory registered; registered: " + String.join(", ", ENDPOINTS.names()));
        }
        return f.apply(config);
    }
}
