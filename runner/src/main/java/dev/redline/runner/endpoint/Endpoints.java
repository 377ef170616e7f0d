package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.plugin.PluginRegistry;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of endpoint types: the {@link Endpoint} (payload, encoding, headers, response parser) of each
 * {@link EndpointType}, registered in the plugin registry's endpoint category, which {@link #create} dispatches on
 * and {@code redline plugins} lists. The switch names every type, so a type added to the enum does not compile
 * until it has its wire format here (and its mock handler in {@code MockEndpoints}).
 */
public final class Endpoints {
    public static final PluginRegistry.Category<Function<ClientConfig, Endpoint>> ENDPOINTS = PluginRegistry.category("endpoint");

    static {
        for (EndpointType t : EndpointType.values()) ENDPOINTS.register(t.wireName(), describe(t), c -> forType(t, c));
    }

    private Endpoints() { }

    /** The endpoint registered for the config's type. */
    public static Endpoint create(ClientConfig config) {
        Function<ClientConfig, Endpoint> f = ENDPOINTS.find(config.endpointType().wireName());
        if (f == null) {
            throw new BadInputException("--endpoint-type: " + config.endpointType().wireName() + " has no endpoint registered; registered: "
                    + String.join(", ", ENDPOINTS.names()));
        }
        return f.apply(config);
    }

    /** One line for {@code redline plugins}, from the type's facts: path, inputs, how it travels. */
    static String describe(EndpointType t) {
        String path = t.defaultPath() == null ? (t.grpcOnly() ? "gRPC method" : "the URL as given")
                : t.defaultPath() + (t.defaultPath(true).equals(t.defaultPath()) ? "" : " (" + t.defaultPath(true) + " streaming)");
        String inputs = java.util.Arrays.stream(EndpointType.Input.values())
                .filter(i -> i.ordinal() <= EndpointType.Input.SYSTEM.ordinal() && t.accepts(i))
                .map(i -> i.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        String how = t.supportsStreaming() ? "streaming" : t.supportsStreaming(true) ? "streaming over gRPC" : "whole responses";
        if (t.requiresFormData()) how += ", multipart";
        if (t.requiresPolling()) how += ", async job polled";
        if (t.supportsGrpc() && !t.grpcOnly()) how += ", HTTP or gRPC";
        return t.metricsTitle().replace(" Metrics", "") + ": " + path + "; " + inputs + "; " + how;
    }

    private static Endpoint forType(EndpointType type, ClientConfig config) {
        if (config.grpc()) {
            // validation admits grpc:// for these two types only
            if (type == EndpointType.KSERVE) return new KServeGrpcEndpoint(config);
            if (type == EndpointType.DYNAMIC_GRPC) return new DynamicGrpcEndpoint(config);
            throw new BadInputException("--url: " + type.wireName() + " does not speak gRPC; use an http:// URL");
        }
        return switch (type) {
            case CHAT, VISION, MULTIMODAL -> new ChatEndpoint(type, config);
            case COMPLETIONS -> new CompletionsEndpoint(config);
            case EMBEDDINGS -> new EmbeddingsEndpoint(config);
            case CHAT_EMBEDDINGS, NIM_EMBEDDINGS, NVCLIP -> new EmbeddingsFamily(type, config);
            case RESPONSES -> new ResponsesEndpoint(config);
            case MESSAGES -> new MessagesEndpoint(config);
            case RANKINGS, NIM_RANKINGS, HF_TEI_RANKINGS, COHERE_RANKINGS -> new RankingsEndpoint(type, config);
            case HUGGINGFACE_GENERATE -> new GenerateEndpoints.Tgi(config);
            case GENERATE -> new GenerateEndpoints.Triton(config);
            case SOLIDO_RAG -> new GenerateEndpoints.SolidoRag(config);
            case KSERVE -> new KServeEndpoint(config);
            case IMAGE_GENERATION -> new MediaEndpoints.ImageGeneration(config);
            case IMAGE_EDIT -> new MediaEndpoints.ImageEdit(config);
            case IMAGE_RETRIEVAL -> new MediaEndpoints.ImageRetrieval(config);
            case AUDIO_TRANSCRIPTION -> new MediaEndpoints.AudioTranscription(config);
            case TEMPLATE -> new TemplateEndpoint(config);
            case RAW -> new TemplateEndpoint.Raw(config);
            case VIDEO_GENERATION -> new MediaEndpoints.VideoGeneration(config);
            case DYNAMIC_GRPC -> throw new BadInputException("--url: dynamic_grpc speaks gRPC only; give a grpc://host:port URL");
        };
    }
}
