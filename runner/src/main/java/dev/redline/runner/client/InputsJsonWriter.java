package dev.redline.runner.client;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.Turn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes AIPerf's {@code inputs.json}: {@code {"data":[{"session_id":..., "payloads":[body, ...]}]}}, one
 * entry per conversation, each payload exactly the request body sent for that turn (without live history).
 * Models are assigned round-robin by conversation, as the default model selection does.
 */
public final class InputsJsonWriter {
    private InputsJsonWriter() { }

    public static void write(Path file, Dataset dataset, RequestFactory factory, List<String> models) throws IOException {
        JsonFactory json = new JsonFactory();
        try (JsonGenerator g = json.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            int i = 0;
            for (Conversation c : dataset.conversations()) {
                String model = models.get(i++ % models.size());
                g.writeStartObject();
                g.writeStringField("session_id", c.id());
                g.writeArrayFieldStart("payloads");
                for (Turn t : c.turns()) {
                    g.writeRawValue(new String(factory.body(t, model, List.of()), StandardCharsets.UTF_8));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
