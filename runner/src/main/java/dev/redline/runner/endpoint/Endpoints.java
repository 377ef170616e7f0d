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
        if (config.grpc() && type != EndpointType.DYNAMIC_GRPC) {
            throw new BadInputException("--url: " + type.wireName() + " over gRPC is not supported by this build yet; "
                    + "use an http:// URL (KServe's HTTP/REST protocol)");
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
            case DYNAMIC_GRPC -> throw new BadInputException("--endpoint-type " + type.wireName()
                    + " is not supported by this build yet (docs/endpoints.md says which types are); use another type");
        };
    }
}
