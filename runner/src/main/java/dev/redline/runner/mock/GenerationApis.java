package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/**
 * The request side of each text-generation API the mock speaks: what it requires (a 400 names what is missing,
 * so an end-to-end test proves the client's body shape), the prompt text whose tokens are counted, the
 * requested length and whether the answer streams. The answer side is {@link ApiFormats}.
 */
final class GenerationApis {
    private GenerationApis() { }

    static final GenerationApi CHAT = api(true, (r, root, m) -> InferenceRequest.chat(root, m),
            (i, c, m) -> ChunkTemplates.chat("chatcmpl-mock-" + i, c, m).forWhole(true, "chatcmpl-mock-" + i, c, m));

    static final GenerationApi COMPLETIONS = api(false, (r, root, m) -> InferenceRequest.completions(root, m),
            (i, c, m) -> ChunkTemplates.completion("cmpl-mock-" + i, c, m).forWhole(false, "cmpl-mock-" + i, c, m));

    /** OpenAI Responses: input items (or a string), instructions, max_output_tokens. */
    static final GenerationApi RESPONSES = api(true, (r, root, m) -> {
        JsonNode input = root.get("input");
        if (input == null || !(input.isArray() || input.isTextual())) throw new InferenceRequest.BadRequest("input must be a string or a list of input items");
        StringBuilder text = new StringBuilder(root.path("instructions").asText(""));
        if (input.isTextual()) text.append(input.asText());
        for (JsonNode item : input) {
            JsonNode content = item.get("content");
            if (content == null) throw new InferenceRequest.BadRequest("input items need role and content");
            if (content.isTextual()) text.append(content.asText());
            for (JsonNode part : content) {
                String type = part.path("type").asText();
                if (!type.equals("input_text") && !type.equals("output_text") && !type.startsWith("input_")) {
                    throw new InferenceRequest.BadRequest("unknown content part type '" + type + "'");
                }
                text.append(part.path("text").asText(""));
            }
        }
        InferenceRequest req = generation(root, m, text.toString(), root.path("stream").asBoolean(false), "max_output_tokens");
        req.media = MockMedia.checkResponses(root);
        return req;
    }, ApiFormats.Responses::new);

    /** Anthropic Messages: anthropic-version header, max_tokens required, messages, optional top-level system. */
    static final GenerationApi MESSAGES = api(true, (r, root, m) -> {
        if (r.getHeader("anthropic-version") == null) throw new InferenceRequest.BadRequest("anthropic-version header is required");
        if (!root.path("max_tokens").isInt()) throw new InferenceRequest.BadRequest("max_tokens: Field required");
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) throw new InferenceRequest.BadRequest("messages: Field required");
        for (JsonNode msg : messages) {
            if ("system".equals(msg.path("role").asText())) {
                throw new InferenceRequest.BadRequest("messages: Unexpected role \"system\"; use the top-level system parameter");
            }
        }
        String system = root.path("system").isTextual() ? root.path("system").asText() : "";
        InferenceRequest req = generation(root, m, system + InferenceRequest.chatText(root), root.path("stream").asBoolean(false), "max_tokens");
        req.media = MockMedia.checkAnthropic(root);
        return req;
    }, ApiFormats.Messages::new);

    /** TGI: inputs, parameters.max_new_tokens; /generate_stream streams. */
    static final GenerationApi TGI = api(false, (r, root, m) -> {
        if (!root.path("inputs").isTextual()) throw new InferenceRequest.BadRequest("inputs must be a string");
        int max = InferenceRequest.maxTokens(root.path("parameters"), "max_new_tokens");
        return new InferenceRequest(m, r.path().endsWith("_stream"), true, max, root.get("inputs").asText(), List.of());
    }, ApiFormats.Tgi::new);

    /** Triton generate: text_input, max_tokens; /generate_stream streams. */
    static final GenerationApi TRITON = api(false, (r, root, m) -> {
        if (!root.path("text_input").isTextual()) throw new InferenceRequest.BadRequest("text_input must be a string");
        String model = MockRouter.segment("/v2/models/{model}/generate" + (r.path().endsWith("_stream") ? "_stream" : ""), r.path());
        return new InferenceRequest(model == null ? m : model, r.path().endsWith("_stream"), true,
                InferenceRequest.maxTokens(root, "max_tokens"), root.get("text_input").asText(), List.of());
    }, ApiFormats.Triton::new);

    /** Solido RAG: query (list of strings), filters, inference_model. */
    static final GenerationApi SOLIDO = api(false, (r, root, m) -> {
        JsonNode query = root.get("query");
        if (query == null || !query.isArray() || query.isEmpty()) throw new InferenceRequest.BadRequest("query must be a non-empty list of strings");
        if (!root.path("filters").isObject()) throw new InferenceRequest.BadRequest("filters must be an object");
        StringBuilder text = new StringBuilder();
        for (JsonNode q : query) text.append(q.asText());
        String model = root.path("inference_model").asText(m);
        return new InferenceRequest(model, root.path("stream").asBoolean(false), true, -1, text.toString(), List.of());
    }, ApiFormats.Solido::new);

    /** KServe v2 infer: a text_input BYTES tensor, optional max_tokens INT32 tensor. */
    static final GenerationApi KSERVE = api(false, (r, root, m) -> {
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray()) throw new InferenceRequest.BadRequest("inputs must be a list of tensors");
        String text = null;
        int max = -1;
        for (JsonNode t : inputs) {
            if (!t.path("name").isTextual() || !t.path("datatype").isTextual() || !t.path("shape").isArray() || !t.path("data").isArray()) {
                throw new InferenceRequest.BadRequest("each input tensor needs name, datatype, shape and data");
            }
            if ("text_input".equals(t.get("name").asText())) text = t.get("data").path(0).asText();
            if ("max_tokens".equals(t.get("name").asText())) max = t.get("data").path(0).asInt(-1);
        }
        if (text == null) throw new InferenceRequest.BadRequest("input tensor text_input is required");
        String model = MockRouter.segment("/v2/models/{model}/infer", r.path());
        return new InferenceRequest(model == null ? m : model, false, true, max, text, List.of());
    }, ApiFormats.KServe::new);

    @FunctionalInterface
    interface Reader {
        InferenceRequest read(HttpServerRequest request, JsonNode root, String defaultModel) throws InferenceRequest.BadRequest;
    }

    @FunctionalInterface
    interface Formats {
        StreamFormat create(long index, long created, String model);
    }

    private static GenerationApi api(boolean reasons, Reader reader, Formats formats) {
        return new GenerationApi() {
            @Override
            public InferenceRequest parse(HttpServerRequest request, Buffer body, String defaultModel) throws InferenceRequest.BadRequest {
                JsonNode root = InferenceRequest.json(body);
                return reader.read(request, root, InferenceRequest.model(root, defaultModel));
            }

            @Override
            public StreamFormat format(long index, long created, String model) {
                return formats.create(index, created, model);
            }

            @Override
            public boolean reasons() { return reasons; }
        };
    }

    private static InferenceRequest generation(JsonNode root, String model, String text, boolean stream, String maxField)
            throws InferenceRequest.BadRequest {
        return new InferenceRequest(model, stream, true, InferenceRequest.maxTokens(root, maxField), text, List.of());
    }
}
