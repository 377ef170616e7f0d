package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KServe v2 over gRPC ({@code grpc://}, Triton's GRPCInferenceService): {@code ModelInfer} with the
 * {@code text_input} BYTES and {@code max_tokens} INT32 tensors, or, when streaming, Triton's
 * {@code ModelStreamInfer} with a {@code stream} BOOL tensor too, whose last response carries
 * {@code triton_final_response}. {@code --extra-inputs} become request parameters. The answer's
 * {@code text_output} tensor (or first BYTES output), in {@code bytes_contents} or {@code raw_output_contents},
 * is the generated text.
 */
final class KServeGrpcEndpoint extends BaseEndpoint implements GrpcEndpoint {
    KServeGrpcEndpoint(ClientConfig config) {
        super(EndpointType.KSERVE, config);
    }

    static Map<String, Object> tensor(String name, String datatype, String contentsField, Object value) {
        return JsonPayloads.object("name", name, "datatype", datatype, "shape", List.of(1),
                "contents", JsonPayloads.object(contentsField, List.of(value)));
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        List<Map<String, Object>> inputs = new ArrayList<>(3);
        inputs.add(tensor("text_input", "BYTES", "bytes_contents", GenerateEndpoints.prompt(turn)));
        if (turn.maxTokens() != null) inputs.add(tensor("max_tokens", "INT32", "int_contents", turn.maxTokens()));
        if (config.streaming()) inputs.add(tensor("stream", "BOOL", "bool_contents", true));
        return JsonPayloads.object("model_name", model, "inputs", inputs);
    }

    /** Extra inputs are request parameters (a KServe request has no free top-level fields). */
    @Override
    public Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = fields(turn, model, history);
        Map<String, Object> params = new LinkedHashMap<>();
        config.extraInputs().forEach((k, v) -> params.put(k, parameter(k, v)));
        turn.extra().forEach((k, v) -> params.put(k, parameter(k, v)));
        if (!params.isEmpty()) body.put("parameters", params);
        return body;
    }

    private static Map<String, Object> parameter(String key, Object v) {
        if (v instanceof Boolean) return JsonPayloads.object("bool_param", v);
        if (v instanceof Integer || v instanceof Long) return JsonPayloads.object("int64_param", v);
        if (v instanceof Number) return JsonPayloads.object("double_param", v);
        if (v instanceof String) return JsonPayloads.object("string_param", v);
        throw new BadInputException("--extra-inputs " + key + ": a KServe gRPC request parameter is a bool, number or string, not " + v);
    }

    @Override
    public WireBody encode(Map<String, Object> payload) {
        return new WireBody(ProtoJson.toMessage(KServeProto.inferRequest(), JsonPayloads.JSON.valueToTree(payload)).toByteArray(),
                GRPC_CONTENT_TYPE);
    }

    @Override
    public String fullMethodName() {
        return config.streaming() ? KServeProto.MODEL_STREAM_INFER : KServeProto.MODEL_INFER;
    }

    @Override
    public boolean serverStreams() { return config.streaming(); }

    @Override
    public boolean clientStreams() { return config.streaming(); }

    @Override
    public ResponseParser newParser() {
        boolean stream = config.streaming();
        return new ProtoResponseParser(stream ? KServeProto.streamResponse() : KServeProto.inferResponse(),
                new Parser(stream), KServeGrpcEndpoint::shape);
    }

    /** The message as a tree, with raw_output_contents unpacked into each output's contents.bytes_contents. */
    static JsonNode shape(DynamicMessage message) {
        ObjectNode tree = ProtoJson.toTree(message);
        FieldDescriptor inner = message.getDescriptorForType().findFieldByName("infer_response");
        if (inner != null) {
            if (message.hasField(inner)) unpackRaw((DynamicMessage) message.getField(inner), (ObjectNode) tree.get("infer_response"));
        } else {
            unpackRaw(message, tree);
        }
        return tree;
    }

    /** Triton answers in raw_output_contents (one blob per output; BYTES elements are 4-byte little-endian length + bytes). */
    private static void unpackRaw(DynamicMessage response, ObjectNode tree) {
        FieldDescriptor raw = response.getDescriptorForType().findFieldByName("raw_output_contents");
        int blobs = response.getRepeatedFieldCount(raw);
        JsonNode outputs = tree.get("outputs");
        if (blobs == 0 || outputs == null) return;
        for (int i = 0; i < blobs && i < outputs.size(); i++) {
            ObjectNode out = (ObjectNode) outputs.get(i);
            if (!"BYTES".equals(out.path("datatype").asText())) continue;
            ArrayNode elements = out.putObject("contents").putArray("bytes_contents");
            ByteBuffer b = ((ByteString) response.getRepeatedField(raw, i)).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            while (b.remaining() >= 4) {
                int n = b.getInt();
                if (n < 0 || n > b.remaining()) break;
                byte[] text = new byte[n];
                b.get(text);
                elements.add(new String(text, StandardCharsets.UTF_8));
            }
        }
    }

    /** Reads a ModelInferResponse, or a ModelStreamInferResponse (error_message, infer_response) when streaming. */
    static final class Parser extends TreeResponseParser {
        private final boolean stream;

        Parser(boolean stream) {
            this.stream = stream;
        }

        @Override
        protected String read(JsonNode root) {
            JsonNode response = root;
            if (stream) {
                String error = root.path("error_message").asText("");
                if (!error.isEmpty()) {
                    serverError(error, -1);
                    return null;
                }
                response = root.get("infer_response");
                if (response == null) return "a ModelStreamInferResponse with neither infer_response nor error_message";
                finished = response.path("parameters").path(KServeProto.FINAL_RESPONSE).path("bool_param").asBoolean(false);
            } else {
                finished = true;
            }
            JsonNode outputs = response.path("outputs");
            JsonNode chosen = null;
            for (JsonNode o : outputs) if ("text_output".equals(o.path("name").asText())) chosen = o;
            for (JsonNode o : outputs) if (chosen == null && "BYTES".equals(o.path("datatype").asText())) chosen = o;
            if (chosen == null) {
                hasData = outputs.size() > 0; // a numeric model: a result without text
                if (hasData || stream && finished) return null; // Triton's empty final response ends a stream
                return "a KServe answer without outputs";
            }
            for (JsonNode d : chosen.path("contents").path("bytes_contents")) appendText(content, d);
            return null;
        }
    }
}
