package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ClientConfig;

/**
 * The registry of endpoint types: the {@link Endpoint} (payload, encoding, headers, response parser) of each
 * {@link EndpointType}. The switch names every type, so a type added to the enum does not compile until it
 * has its wire format here (and its mock handler in {@code MockEndpoints}).
 */
public final class Endpoints {
    private Endpoints() { }

    public static Endpoint create(ClientConfig config) {
        EndpointType type = config.endpointType();
        return switch (type) {
            case CHAT, VISION, MULTIMODAL -> new ChatEndpoint(type, config);
            case COMPLETIONS -> new CompletionsEndpoint(config);
            case EMBEDDINGS -> new EmbeddingsEndpoint(config);
            case RESPONSES, MESSAGES, CHAT_EMBEDDINGS, NIM_EMBEDDINGS, NVCLIP, RANKINGS, NIM_RANKINGS, HF_TEI_RANKINGS,
                 COHERE_RANKINGS, HUGGINGFACE_GENERATE, GENERATE, KSERVE, IMAGE_GENERATION, IMAGE_EDIT, VIDEO_GENERATION,
                 IMAGE_RETRIEVAL, AUDIO_TRANSCRIPTION, SOLIDO_RAG, RAW, TEMPLATE, DYNAMIC_GRPC ->
                    throw new UnsupportedOperationException("endpoint type " + type.wireName() + " is not implemented yet");
        };
    }
}
