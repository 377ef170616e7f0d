package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
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
