package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.OpenAiResponseParser;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/**
 * The OpenAI-shaped embeddings answered at {@code /v1/embeddings} ({@code {"data": [{"embedding": [...]}]}}):
 * <ul>
 *   <li>{@code chat_embeddings} (vLLM multimodal embedding models): the request is chat-shaped, {@code messages}</li>
 *   <li>{@code nim_embeddings} (NIM): {@code input} plus {@code input_type} ({@code query}) that NIM requires</li>
 *   <li>{@code nvclip} (NIM CLIP): {@code input} of texts and image data URLs</li>
 * </ul>
 */
final class EmbeddingsFamily extends BaseEndpoint {
    EmbeddingsFamily(EndpointType type, ClientConfig config) {
        super(type, config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        return switch (type()) {
            case CHAT_EMBEDDINGS -> JsonPayloads.object("model", model, "messages", ChatEndpoint.messages(turn, List.of()),
                    "encoding_format", "float");
            case NIM_EMBEDDINGS -> JsonPayloads.object("model", model, "input", turn.texts(), "input_type", "query",
                    "encoding_format", "float");
            default -> JsonPayloads.object("model", model, "input", turn.texts(), "encoding_format", "float");
        };
    }

    @Override
    public ResponseParser newParser() {
        return new OpenAiResponseParser();
    }
}
