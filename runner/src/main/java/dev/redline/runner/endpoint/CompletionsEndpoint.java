package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.OpenAiResponseParser;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/** OpenAI completions: prompt (a string for one text, a list for several), max_tokens. History is ignored. */
final class CompletionsEndpoint extends BaseEndpoint {
    CompletionsEndpoint(ClientConfig config) {
        super(EndpointType.COMPLETIONS, config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = JsonPayloads.object("model", model);
        body.put("prompt", turn.texts().size() == 1 ? turn.texts().get(0) : turn.texts());
        body.put("stream", config.streaming());
        putIfSet(body, "max_tokens", turn.maxTokens());
        Map<String, Object> streamOptions = config.streamOptions();
        if (streamOptions != null) body.put("stream_options", streamOptions);
        return body;
    }

    @Override
    public ResponseParser newParser() {
        return new OpenAiResponseParser();
    }
}
