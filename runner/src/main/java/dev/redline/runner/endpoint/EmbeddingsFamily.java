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
            case NIM_EMBEDDINGS -> JsonPayloads.object("model", model, "input", nimInputs(turn), "input_type", "query",
                    "encoding_format", "float");
            default -> JsonPayloads.object("model", model, "input", textsThenImages(turn), "encoding_format", "float");
        };
    }

    /**
     * AIPerf's NIM multimodal inputs: each text paired with its image as {@code "<text> <image>"} when the turn has
     * both (as many of each: MediaRules checks it), else the images, else the texts.
     */
    static List<String> nimInputs(Turn turn) {
        List<String> texts = turn.texts().stream().filter(t -> !t.isEmpty()).toList();
        List<String> images = turn.media().images();
        if (images.isEmpty()) return texts;
        if (texts.isEmpty()) return images;
        if (texts.size() != images.size()) {
            throw new dev.redline.runner.BadInputException("nim_embeddings pairs each text with one image; a record has " + texts.size()
                    + " texts and " + images.size() + " images: give as many of each");
        }
        List<String> out = new java.util.ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(texts.get(i) + " " + images.get(i));
        return out;
    }

    /** nvclip: the texts, then the images (data URLs or URLs), each one input. */
    private static List<String> textsThenImages(Turn turn) {
        if (turn.media().images().isEmpty()) return turn.texts();
        List<String> out = new java.util.ArrayList<>(turn.texts());
        out.addAll(turn.media().images());
        return out;
    }

    @Override
    public ResponseParser newParser() {
        return new OpenAiResponseParser();
    }
}
