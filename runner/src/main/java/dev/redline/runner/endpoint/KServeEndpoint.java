package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KServe v2 (Open Inference) protocol over HTTP, as GenAI-Perf's kserve type sends it to a TensorRT-LLM model
 * ({@code POST /v2/models/{model}/infer}): a {@code text_input} BYTES tensor and a {@code max_tokens} INT32 tensor;
 * the answer's {@code text_output} tensor (or its first BYTES output) is the generated text.
 */
final class KServeEndpoint extends BaseEndpoint {
    KServeEndpoint(ClientConfig config) {
        super(EndpointType.KSERVE, config);
    }

    static Map<String, Object> tensor(String name, String datatype, Object value) {
        return JsonPayloads.object("name", name, "shape", List.of(1), "datatype", datatype, "data", List.of(value));
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        List<Map<String, Object>> inputs = new ArrayList<>(2);
        inputs.add(tensor("text_input", "BYTES", GenerateEndpoints.prompt(turn)));
        if (turn.maxTokens() != null) inputs.add(tensor("max_tokens", "INT32", turn.maxTokens()));
        return JsonPayloads.object("inputs", inputs);
    }

    @Override
    public ResponseParser newParser() {
        return new Parser();
    }

    static final class Parser extends TreeResponseParser {
        @Override
        protected String read(JsonNode root) {
            JsonNode outputs = root.get("outputs");
            if (outputs == null || !outputs.isArray()) return "not a KServe v2 inference answer (no outputs)";
            JsonNode chosen = null;
            for (JsonNode o : outputs) {
                if ("text_output".equals(o.path("name").asText())) chosen = o;
            }
            if (chosen == null) {
                for (JsonNode o : outputs) if (chosen == null && "BYTES".equals(o.path("datatype").asText())) chosen = o;
            }
            if (chosen == null) {
                hasData = outputs.size() > 0; // a numeric model: a result without text
                return hasData ? null : "a KServe answer without outputs";
            }
            for (JsonNode d : chosen.path("data")) appendText(content, d);
            finished = true;
            return null;
        }
    }
}
