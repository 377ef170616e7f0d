package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.Usage;

import java.util.List;
import java.util.Map;

/** The single-prompt text generation APIs: TGI, Triton's generate extension, and Solido RAG. */
final class GenerateEndpoints {
    private GenerateEndpoints() { }

    static String prompt(Turn turn) {
        return turn.texts().size() == 1 ? turn.texts().get(0) : String.join("\n", turn.texts());
    }

    /**
     * Hugging Face TGI: {@code {"inputs": text, "parameters": {"max_new_tokens": N}}} to {@code /generate}, or to
     * {@code /generate_stream} when streaming, whose events carry {@code token.text} (special tokens skipped) and,
     * on the last one, {@code generated_text} and {@code details}.
     */
    static final class Tgi extends BaseEndpoint {
        Tgi(ClientConfig config) {
            super(EndpointType.HUGGINGFACE_GENERATE, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> parameters = JsonPayloads.object("max_new_tokens", turn.maxTokens());
            if (turn.maxTokens() != null) parameters.put("details", true);
            return JsonPayloads.object("inputs", prompt(turn), "parameters", parameters);
        }

        @Override
        public ResponseParser newParser() {
            return new TgiParser(config.streaming());
        }
    }

    static final class TgiParser extends TreeResponseParser {
        private final boolean streaming;

        TgiParser(boolean streaming) {
            this.streaming = streaming;
        }

        @Override
        protected boolean acceptsArray() { return true; }

        @Override
        protected String read(JsonNode root) {
            JsonNode doc = root.isArray() ? root.path(0) : root; // /generate may answer [{"generated_text": ...}]
            JsonNode token = doc.get("token");
            JsonNode generated = doc.get("generated_text");
            if (token == null && (generated == null || !generated.isTextual())) return "not a TGI answer (no token or generated_text)";
            if (token != null && token.isObject()) {
                if (!token.path("special").asBoolean(false)) appendText(content, token.get("text"));
            } else {
                appendText(content, generated); // a whole /generate body
            }
            boolean last = generated != null && !generated.isNull() || doc.path("details").isObject();
            if (last) {
                finished = true;
                int tokens = TreeResponseParser.firstInt(doc.path("details"), "generated_tokens");
                if (tokens >= 0) usage = new Usage(-1, tokens, -1, -1, -1);
            }
            if (!streaming) finished = true;
            return null;
        }
    }

    /**
     * Triton's generate extension: {@code {"text_input": text, "max_tokens": N, "stream": bool}} to
     * {@code /v2/models/{model}/generate} (or {@code generate_stream}); each answer or event carries
     * {@code text_output}. A Triton stream has no end marker: it is whole when the server ends it.
     */
    static final class Triton extends BaseEndpoint {
        Triton(ClientConfig config) {
            super(EndpointType.GENERATE, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> body = JsonPayloads.object("text_input", prompt(turn), "max_tokens", turn.maxTokens());
            if (config.streaming()) body.put("stream", true);
            return body;
        }

        @Override
        public ResponseParser newParser() {
            return new TextFieldParser("text_output", "Triton generate");
        }
    }

    /**
     * Solido RAG ({@code /rag/api/prompt}): {@code {"query": [texts], "filters": {"family": "Solido", "tool": "SDE"},
     * "inference_model": model}}; answers (and stream events) carry {@code content} and {@code sources}.
     */
    static final class SolidoRag extends BaseEndpoint {
        SolidoRag(ClientConfig config) {
            super(EndpointType.SOLIDO_RAG, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            return JsonPayloads.object("query", turn.texts(), "filters", Map.of("family", "Solido", "tool", "SDE"),
                    "inference_model", model);
        }

        @Override
        public ResponseParser newParser() {
            return new TextFieldParser("content", "Solido RAG");
        }
    }

    /** Documents whose text is one top-level string field; a stream of them just ends. */
    static final class TextFieldParser extends TreeResponseParser {
        private final String field;
        private final String api;

        TextFieldParser(String field, String api) {
            this.field = field;
            this.api = api;
        }

        @Override
        protected String read(JsonNode root) {
            JsonNode text = root.get(field);
            if (text == null || !text.isTextual()) return "not a " + api + " answer (no " + field + " string)";
            appendText(content, text);
            return null;
        }

        @Override
        public boolean streamNeedsEndMarker() { return false; }
    }
}
