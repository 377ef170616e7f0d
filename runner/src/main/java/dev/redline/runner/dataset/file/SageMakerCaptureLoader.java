package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * sagemaker_data_capture: JSONL written by SageMaker endpoint data capture (a file, or a directory searched for
 * {@code *.jsonl}). The captured request ({@code captureData.endpointInput.data}, JSON or BASE64 encoded) must be an
 * OpenAI chat body; its {@code messages} are replayed literally and its max_tokens kept. {@code
 * eventMetadata.inferenceTime} gives the schedule, shifted so the earliest request is at 0 ms.
 */
final class SageMakerCaptureLoader implements DatasetLoader {
    private record Captured(long epochMs, Turn turn) { }

    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<Path> files = Files.isDirectory(path) ? CustomDatasetType.files(path, ".jsonl") : List.of(path);
        List<Captured> captured = new ArrayList<>();
        long index = 0;
        for (Path f : files) {
            for (SourceRecord rec : JsonlRecords.read(f)) captured.add(parse(rec, ctx, index++));
        }
        captured.sort(Comparator.comparingLong(Captured::epochMs));
        long zero = captured.get(0).epochMs;
        List<Conversation> out = new ArrayList<>(captured.size());
        for (int i = 0; i < captured.size(); i++) {
            Turn t = captured.get(i).turn;
            Turn shifted = new Turn(t.texts(), null, t.maxTokens(), t.inputTokens(), captured.get(i).epochMs - zero, null, t.extra(), t.media());
            out.add(new Conversation("capture-" + i, List.of(shifted)));
        }
        return out;
    }

    private static Captured parse(SourceRecord rec, LoadContext ctx, long index) {
        JsonNode input = rec.node().path("captureData").path("endpointInput");
        if (input.isMissingNode()) throw rec.error("captureData.endpointInput", "is required");
        String time = rec.node().path("eventMetadata").path("inferenceTime").asText(null);
        if (time == null) throw rec.error("eventMetadata.inferenceTime", "is required");
        long epochMs;
        try {
            epochMs = OffsetDateTime.parse(time).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw rec.error("eventMetadata.inferenceTime", "must be an ISO-8601 time, got '" + time + "'");
        }
        JsonNode body = decode(rec, input);
        JsonNode messages = body.get("messages");
        if (messages == null) {
            throw rec.error("captureData.endpointInput.data", "has no 'messages'; only OpenAI chat requests can be replayed");
        }
        List<String> texts = Messages.texts(rec, "captureData.endpointInput.data.messages", messages);
        Integer maxTokens = body.hasNonNull("max_tokens") ? Integer.valueOf(body.get("max_tokens").asInt())
                : body.hasNonNull("max_completion_tokens") ? Integer.valueOf(body.get("max_completion_tokens").asInt())
                : ctx.defaultMaxTokens(index);
        Map<String, Object> extra = Map.of("messages", JsonlRecords.JSON.convertValue(messages, List.class));
        return new Captured(epochMs, new Turn(texts, null, maxTokens, ctx.count(texts), null, null, extra));
    }

    private static JsonNode decode(SourceRecord rec, JsonNode input) {
        String field = "captureData.endpointInput.data";
        String data = input.path("data").asText(null);
        if (data == null) throw rec.error(field, "is required");
        String encoding = input.path("encoding").asText("BASE64");
        try {
            String json = switch (encoding) {
                case "JSON" -> data;
                case "BASE64" -> new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
                default -> throw rec.error("captureData.endpointInput.encoding", "must be JSON or BASE64, got '" + encoding + "'");
            };
            JsonNode node = JsonlRecords.JSON.readTree(json);
            if (!(node instanceof ObjectNode)) throw rec.error(field, "must decode to a JSON object");
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw rec.error(field, "does not decode as " + encoding + " JSON (" + e.getMessage() + ")");
        }
    }
}
