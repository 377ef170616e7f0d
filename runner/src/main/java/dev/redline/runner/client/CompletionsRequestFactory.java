package dev.redline.runner.client;

import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/** OpenAI completions: prompt (string for one text, list for several), max_tokens. History is ignored. */
public final class CompletionsRequestFactory extends BaseRequestFactory {
    public CompletionsRequestFactory(ClientConfig config) {
        super(config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = base(model);
        body.put("prompt", turn.texts().size() == 1 ? turn.texts().get(0) : turn.texts());
        body.put("stream", config.streaming());
        if (turn.maxTokens() != null) body.put("max_tokens", turn.maxTokens());
        Map<String, Object> streamOptions = streamOptions();
        if (streamOptions != null) body.put("stream_options", streamOptions);
        return body;
    }
}
