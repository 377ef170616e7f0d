package dev.redline.runner.client;

import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/** OpenAI embeddings: each text of the turn is one input; max tokens do not apply. */
public final class EmbeddingsRequestFactory extends BaseRequestFactory {
    public EmbeddingsRequestFactory(ClientConfig config) {
        super(config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = base(model);
        body.put("input", turn.texts());
        return body;
    }
}
