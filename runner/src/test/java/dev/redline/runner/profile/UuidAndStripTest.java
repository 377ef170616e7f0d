package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vLLM multimodal-cache uuids (AIPerf's image_uuids, Image.uuids, --uuid-and-strip) against the mock, which keeps a
 * cache by uuid as vLLM does and refuses a reference to an image it has not seen: authored uuids pass through on the
 * chat parts, and with --uuid-and-strip a session's repeated image goes by uuid alone.
 */
class UuidAndStripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private Path png;

    @BeforeEach
    void image() throws Exception {
        png = dir.resolve("cat.png");
        ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    }

    private Path rows(String... lines) throws Exception {
        return Files.writeString(dir.resolve("rows.jsonl"), String.join("\n", lines).replace("PNG", png.toString()) + "\n");
    }

    private record Run(JsonNode summary, List<JsonNode> parts) { }

    private Run profile(MockServer mock, Path input, boolean strip, int requests) throws Exception {
        Path out = dir.resolve("run-" + strip + "-" + System.nanoTime());
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                endpoint: {type: chat, uuidAndStrip: %s}
                dataset: {inputFile: '%s', customDatasetType: single_turn}
                phases: [{concurrency: 1, requests: %d}]
                """.formatted(strip, input, requests), "uuid.yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        spec.artifacts().setDir(out.toString());
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code);
        List<JsonNode> parts = new ArrayList<>();
        for (JsonNode s : JSON.readTree(out.resolve("inputs.json").toFile()).get("data")) {
            for (JsonNode p : s.get("payloads")) {
                for (JsonNode part : p.at("/messages/0/content")) if ("image_url".equals(part.path("type").asText())) parts.add(part);
            }
        }
        return new Run(JSON.readTree(out.resolve("profile_export_redline.json").toFile()), parts);
    }

    private static int errors(JsonNode summary) {
        return summary.path("error_request_count").isMissingNode() ? 0 : summary.at("/error_request_count/avg").asInt();
    }

    @Test
    void aSessionsRepeatedImageGoesByUuidAloneAndTheServerServesItFromItsCache() throws Exception {
        Path input = rows("{\"session_id\": \"s1\", \"text\": \"what is this?\", \"images\": [\"PNG\"], \"image_uuids\": [\"cat\"]}",
                "{\"session_id\": \"s1\", \"text\": \"and its colour?\", \"images\": [\"PNG\"], \"image_uuids\": [\"cat\"]}",
                "{\"session_id\": \"s1\", \"text\": \"twice in one turn\", \"images\": [{\"contents\": [\"PNG\", \"PNG\"], \"uuids\": [\"dog\", \"dog\"]}]}");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(1))) {
            Run stripped = profile(mock, input, true, 3);
            assertEquals(0, errors(stripped.summary()), stripped.summary().path("error_summary").toString());
            assertEquals(4, stripped.parts().size());
            assertEquals("cat", stripped.parts().get(0).get("uuid").asText());
            assertTrue(stripped.parts().get(0).at("/image_url/url").asText().startsWith("data:image/png;base64,"), "first sight: with its content");
            assertEquals("", stripped.parts().get(1).at("/image_url/url").asText(), "the repeat goes by uuid alone");
            assertEquals("cat", stripped.parts().get(1).get("uuid").asText());
            assertTrue(!stripped.parts().get(3).at("/image_url/url").asText().isEmpty(), "a repeat within one turn keeps its content");
            assertEquals(1, mock.imageCacheHits(), "the mock served the stripped image from its cache");
        }
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(1))) {
            Run whole = profile(mock, input, false, 3);
            assertEquals(0, errors(whole.summary()));
            assertTrue(whole.parts().stream().noneMatch(p -> p.at("/image_url/url").asText().isEmpty()), "without the flag every image has its content");
            assertEquals("cat", whole.parts().get(1).get("uuid").asText(), "authored uuids pass through");
            assertEquals(0, mock.imageCacheHits());
        }
    }

    @Test
    void aReferenceTheServerNeverCachedIsAnError() throws Exception {
        Path input = rows("{\"text\": \"this one?\", \"image_uuids\": [\"never-sent\"]}");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(1))) {
            Run r = profile(mock, input, false, 1);
            assertEquals(1, errors(r.summary()), "the mock refuses a uuid it has not cached, as vLLM would");
            assertEquals("", r.parts().get(0).at("/image_url/url").asText());
        }
    }

    @Test
    void badUuidFieldsAndFlagsAreOneLineErrors() throws Exception {
        String[][] cases = {
                {"{\"text\": \"t\", \"image\": \"PNG\", \"image_uuids\": [\"a\"]}", "cannot be used with the singular 'image'"},
                {"{\"text\": \"t\", \"images\": [\"PNG\"], \"image_uuids\": [\"a\", \"b\"]}", "has 2 ids but 'images' has 1"},
                {"{\"text\": \"t\", \"images\": [\"PNG\"], \"image_uuids\": [\"\"]}", "must not contain empty strings"},
                {"{\"text\": \"t\", \"images\": [{\"contents\": [\"PNG\"], \"uuids\": [\"a\", \"b\"]}]}", "uuids must be a list as long as contents"},
        };
        for (String[] c : cases) {
            BenchmarkSpec spec = SpecReader.read("dataset: {inputFile: '" + rows(c[0]) + "', customDatasetType: single_turn}", "d.yaml");
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(spec, new BuiltinTokenizer()));
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("rows.jsonl:1") && !e.getMessage().contains("\n"), e.getMessage());
        }
        String notChat = dev.redline.api.validate.SpecValidator.validate(SpecReader.read(
                "endpoint: {type: completions, uuidAndStrip: true}", "e.yaml")).toString();
        assertTrue(notChat.contains("--uuid-and-strip requires endpoint type chat"), notChat);
        Path multi = Files.writeString(dir.resolve("multi.jsonl"), "{\"session_id\": \"a\", \"turns\": [{\"text\": \"hi\"}]}\n");
        BenchmarkSpec spec = SpecReader.read("endpoint: {uuidAndStrip: true}\ndataset: {inputFile: '" + multi + "', customDatasetType: multi_turn}", "m.yaml");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetFactory.build(spec, new BuiltinTokenizer()));
        assertTrue(e.getMessage().contains("not multi_turn"), e.getMessage());
    }
}
