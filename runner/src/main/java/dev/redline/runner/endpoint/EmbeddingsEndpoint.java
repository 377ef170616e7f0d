package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.OpenAiResponseParser;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/** OpenAI embeddings: each text of the turn is one input; max tokens do not apply. */
final class EmbeddingsEndpoint extends BaseEndpoint {
    EmbeddingsEndpoint(ClientConfig config) {
        super(EndpointType.EMBEDDINGS, config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = JsonPayloads.object("model", model);
        body.put("input", turn.texts());
        return body;
    }

    @Override
    public ResponseParser newParser() {
        return new OpenAiResponseParser();
    }
}
