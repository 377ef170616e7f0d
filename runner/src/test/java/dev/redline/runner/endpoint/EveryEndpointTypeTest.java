package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint type end to end over loopback: {@link ProfileRun} sends the type's requests to the real mock
 * server, which answers 400 to any body that is not the API's shape (so a clean run proves the shape), the
 * client parses the type's answers (streamed where the API streams), and the metrics that apply to the type
 * are computed while the others are absent. docs/endpoints.md points each type at this test.
 */
class EveryEndpointTypeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 6;
    /** Need a file, a template or a descriptor: covered by their own cases below. */
    private static final Set<EndpointType> SPECIAL = EnumSet.of(EndpointType.IMAGE_EDIT, EndpointType.AUDIO_TRANSCRIPTION,
            EndpointType.IMAGE_RETRIEVAL, EndpointType.TEMPLATE, EndpointType.RAW, EndpointType.VIDEO_GENERATION,
            EndpointType.DYNAMIC_GRPC);

    private static MockServer mock;
    @TempDir Path dir;

    @BeforeAll
    static void start() {
        mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1).reasoningTokens(2));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static Stream<Arguments> plainTypes() {
        List<Arguments> out = new ArrayList<>();
        for (EndpointType t : EndpointType.values()) {
            if (SPECIAL.contains(t)) continue;
            out.add(Arguments.of(t, false));
            if (t.supportsStreaming()) out.add(Arguments.of(t, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} streaming={1}")
    @MethodSource("plainTypes")
    void syntheticPromptsRunCleanWithTheTypesMetrics(EndpointType type, boolean streaming) throws Exception {
        JsonNode json = profile("""
                models: [mock-model]
                endpoint: {type: %s, streaming: %s}
                dataset: {entries: 3, prompts: {isl: 16, osl: 8}}
                phases: [{concurrency: 2, requests: %d}]
                """.formatted(type.wireName(), streaming, REQUESTS));
        assertMetrics(type, streaming, json);
    }

    @Test
    void imageRetrievalSendsTheTurnsImages() throws Exception {
        Path data = jsonl("{\"text\": \"data:image/png;base64," + png() + "\"}");
        assertMetrics(EndpointType.IMAGE_RETRIEVAL, false, profile(fileSpec("image_retrieval", data, "")));
    }

    @Test
    void imageEditUploadsTheImageAsAMultipartFile() throws Exception {
        Path data = jsonl("{\"text\": \"make it blue\", \"extra\": {\"image\": \"data:image/png;base64," + png() + "\"}}");
        assertMetrics(EndpointType.IMAGE_EDIT, false, profile(fileSpec("image_edit", data, "")));
    }

    @Test
    void audioTranscriptionUploadsTheAudioFile() throws Exception {
        String wav = Base64.getEncoder().encodeToString("RIFF0000WAVEfmt mock".getBytes(StandardCharsets.US_ASCII));
        Path data = jsonl("{\"text\": \"transcribe\", \"extra\": {\"file\": \"data:audio/wav;base64," + wav + "\"}}");
        assertMetrics(EndpointType.AUDIO_TRANSCRIPTION, false, profile(fileSpec("audio_transcription", data, "")));
    }

    @Test
    void templateRendersTheBodyAndExtractsTheAnswerWithJmespath() throws Exception {
        String template = "{\\\"model\\\": {{ model|tojson }}, \\\"messages\\\": [{\\\"role\\\": \\\"user\\\", "
                + "\\\"content\\\": {{ text|tojson }}}], \\\"max_tokens\\\": {{ max_tokens }}}";
        JsonNode json = profile("""
                models: [mock-model]
                endpoint: {type: template, path: /v1/chat/completions,
                  extraInputs: {payload_template: "%s", response_field: "choices[0].message.content"}}
                dataset: {entries: 3, prompts: {isl: 16, osl: 8}}
                phases: [{concurrency: 2, requests: %d}]
                """.formatted(template, REQUESTS));
        assertMetrics(EndpointType.TEMPLATE, false, json);
    }

    @Test
    void namedTemplateAndAutoDetectedEmbeddings() throws Exception {
        JsonNode json = profile("""
                models: [mock-model]
                endpoint: {type: template, path: /v1/embeddings, extraInputs: {payload_template: nv-embedqa}}
                dataset: {entries: 3, prompts: {isl: 16}}
                phases: [{concurrency: 2, requests: %d}]
                """.formatted(REQUESTS));
        assertEquals(REQUESTS, json.at("/request_count/avg").asInt());
        assertNoErrors(json);
    }

    @Test
    void rawSendsAJsonTextVerbatimAndAutoDetectsTheText() throws Exception {
        Path data = jsonl("{\"text\": \"{\\\"prompt\\\": \\\"hello\\\", \\\"max_tokens\\\": 5, \\\"model\\\": \\\"mock-model\\\"}\"}");
        assertMetrics(EndpointType.RAW, false, profile(fileSpec("raw", data, ", path: /v1/completions")));
    }

    private String fileSpec(String type, Path data, String endpointExtra) {
        return """
                models: [mock-model]
                endpoint: {type: %s%s}
                dataset: {inputFile: '%s', customDatasetType: single_turn}
                phases: [{concurrency: 1, requests: 3}]
                """.formatted(type, endpointExtra, data);
    }

    private Path jsonl(String line) throws Exception {
        Path f = dir.resolve("data.jsonl");
        Files.writeString(f, line + "\n");
        return f;
    }

    private static String png() {
        return "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    }

    private JsonNode profile(String yaml) throws Exception {
        long badBefore = mock.metrics().badRequests();
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        Path out = Files.createTempDirectory(dir, "run");
        spec.artifacts().setDir(out.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        String table = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, table);
        assertEquals(badBefore, mock.metrics().badRequests(), "the mock refused a body: " + table);
        assertTrue(table.contains("Redline | " + spec.endpoint().resolvedType().metricsTitle()), table);
        return JSON.readTree(out.resolve("profile_export_redline.json").toFile());
    }

    private static void assertNoErrors(JsonNode json) {
        assertTrue(json.path("error_request_count").isMissingNode() || json.at("/error_request_count/avg").asInt() == 0,
                "errors: " + json.path("error_summary"));
    }

    private static void assertMetrics(EndpointType type, boolean streaming, JsonNode json) {
        assertNoErrors(json);
        assertTrue(json.at("/request_count/avg").asInt() > 0);
        assertTrue(json.at("/request_latency/min").asDouble() >= 5 - 0.5, "latency below the mock's ttft: " + json.at("/request_latency"));
        assertTrue(json.at("/request_throughput/avg").asDouble() > 0);
        boolean tokens = type.producesTokens();
        assertEquals(tokens, !json.path("output_sequence_length").isMissingNode(), "OSL only for token types: " + type);
        if (tokens) assertTrue(json.at("/output_sequence_length/avg").asDouble() > 0, type + " produced no counted tokens");
        assertEquals(streaming && tokens, !json.path("time_to_first_token").isMissingNode(), "TTFT only when tokens stream");
        if (streaming && tokens) assertTrue(json.at("/inter_token_latency/avg").asDouble() >= 0);
        boolean images = type.output() == EndpointType.Output.IMAGES;
        assertEquals(images, !json.path("image_throughput").isMissingNode(), "image metrics only for image types: " + type);
        if (images) {
            assertTrue(json.at("/image_throughput/avg").asDouble() > 0);
            assertTrue(json.at("/image_latency/avg").asDouble() >= 5 - 0.5);
        }
        assertFalse(json.toString().contains("NaN"));
    }
}
