package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.dataset.media.Ffmpeg;
import dev.redline.runner.mock.MockMedia;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Synthetic images, audio and (with ffmpeg) video sent to the real mock over loopback: chat content parts, which the
 * mock checks (type, field, base64 of a real PNG/WAV/WebM) and counts, and the media endpoint types (image edit and
 * transcription uploads, image retrieval inputs, generated images); the exports' image and audio metrics agree
 * with what arrived and with the records' latencies.
 */
class MediaProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private JsonNode profile(MockServer mock, String yaml) throws Exception {
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        spec.artifacts().setDir(dir.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false), new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        return JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
    }

    @Test
    void imagesAndAudioArriveAsContentPartsAndImageMetricsFollowLatency() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(20).itlMs(1))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat}
                    dataset:
                      entries: 6
                      prompts: {isl: 16, osl: 4}
                      images: {batchSize: 2, width: {mean: 64, stddev: 8}, height: 48, format: random}
                      audio: {length: {mean: 0.5, stddev: 0.1}, sampleRates: [16, 8]}
                    phases: [{concurrency: 2, requests: 12}]
                    randomSeed: 5
                    """);
            MockMedia.Received got = mock.mediaReceived();
            assertEquals(new MockMedia.Received(24, 12, 0), got, "2 images and 1 clip in each of 12 requests");
            assertEquals(12, json.at("/request_count/avg").asInt());
            assertEquals(2.0, json.at("/num_images/avg").asDouble());
            List<String> lines = Files.readAllLines(dir.resolve("profile_export.jsonl"));
            assertEquals(12, lines.size());
            for (String line : lines) {
                JsonNode m = JSON.readTree(line).get("metrics");
                double latencyMs = m.at("/request_latency/value").asDouble();
                assertEquals(2 / (latencyMs / 1000), m.at("/image_throughput/value").asDouble(), 1e-6 * m.at("/image_throughput/value").asDouble());
                assertEquals(latencyMs / 2, m.at("/image_latency/value").asDouble(), 1e-6 * latencyMs);
                double audio = m.at("/audio_duration/value").asDouble();
                assertTrue(audio > 0.1 && audio < 1.0, "audio_duration " + audio);
                assertEquals(audio / (latencyMs / 1000), m.at("/rtfx/value").asDouble(), 1e-6 * m.at("/rtfx/value").asDouble());
            }
            assertTrue(json.at("/image_latency/min").asDouble() >= 20 / 2.0, "latency is at least the mock's TTFT, over 2 images");
            String inputs = Files.readString(dir.resolve("inputs.json"));
            assertTrue(inputs.contains("\"type\":\"image_url\"") && inputs.contains("\"type\":\"input_audio\""), "inputs.json shows the parts");
        }
    }

    @Test
    void randomPoolRowsSendTheirImagesToTheMock() throws Exception {
        Path png = dir.resolve("cat.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path pool = Files.writeString(dir.resolve("pool.jsonl"), "{\"text\": \"describe this\", \"image\": \"" + png + "\"}\n"
                + "{\"text\": \"and this one\", \"images\": [\"" + png + "\", \"" + png + "\"]}\n");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat}
                    dataset: {inputFile: %s, customDatasetType: random_pool, entries: 10}
                    phases: [{concurrency: 2, requests: 10}]
                    randomSeed: 4
                    """.formatted(pool));
            assertEquals(10, json.at("/request_count/avg").asInt());
            int images = 0;
            for (JsonNode m : records()) images += m.at("/num_images/value").asInt();
            assertEquals(images, mock.mediaReceived().images(), "the mock decoded every image the records count");
            assertTrue(images >= 10 && images <= 20, "one or two images per request, got " + images);
        }
    }

    @Test
    void videoClipsArriveAsVideoUrlParts() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Ffmpeg.available(), "ffmpeg not installed (apt-get install ffmpeg)");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true}
                    dataset:
                      entries: 2
                      prompts: {isl: 8, osl: 3}
                      video: {width: 32, height: 32, duration: 1, fps: 4, synthType: grid_clock}
                    phases: [{concurrency: 1, requests: 4}]
                    randomSeed: 1
                    """);
            assertEquals(new MockMedia.Received(0, 0, 4), mock.mediaReceived());
            assertEquals(4, json.at("/request_count/avg").asInt());
            assertTrue(json.path("num_images").isMissingNode(), "no images, no image metrics");
        }
    }

    /** Each record's metrics from profile_export.jsonl. */
    private List<JsonNode> records() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("profile_export.jsonl"))) out.add(JSON.readTree(line).get("metrics"));
        return out;
    }

    @Test
    void imageEditUploadsTheSyntheticImageAndCountsTheGeneratedOnes() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(10))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: image_edit}
                    dataset: {entries: 3, prompts: {isl: 8}, images: {width: 32, height: 24, format: jpeg}}
                    phases: [{concurrency: 1, requests: 3}]
                    randomSeed: 3
                    """);
            assertEquals(3, json.at("/request_count/avg").asInt(), "the mock took each multipart upload as a real image");
            assertTrue(json.path("error_request_count").isMissingNode() || json.at("/error_request_count/avg").asInt() == 0);
            assertEquals(1.0, json.at("/num_images/avg").asDouble(), "one generated image per answer");
            for (JsonNode m : records()) {
                assertEquals(1 / (m.at("/request_latency/value").asDouble() / 1000), m.at("/image_throughput/value").asDouble(), 1e-6 * m.at("/image_throughput/value").asDouble());
            }
            String inputs = Files.readString(dir.resolve("inputs.json"));
            assertTrue(inputs.contains("data:image/jpeg;base64,"), "the payload carries the synthetic jpeg");
        }
    }

    @Test
    void audioTranscriptionUploadsSyntheticClipsAndReportsRtfx() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(10))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: audio_transcription}
                    dataset: {entries: 4, prompts: {isl: 4}, audio: {length: {mean: 2, stddev: 0.5}, sampleRates: [16, 8]}}
                    phases: [{concurrency: 2, requests: 8}]
                    randomSeed: 9
                    """);
            assertEquals(8, json.at("/request_count/avg").asInt(), "the mock took each upload as a real WAV");
            for (JsonNode m : records()) {
                double audio = m.at("/audio_duration/value").asDouble();
                assertTrue(audio > 0.2 && audio < 4, "audio_duration " + audio);
                assertEquals(audio / (m.at("/request_latency/value").asDouble() / 1000), m.at("/rtfx/value").asDouble(), 1e-6 * m.at("/rtfx/value").asDouble());
            }
            assertTrue(json.at("/rtfx/avg").asDouble() > 0);
        }
    }

    @Test
    void imageRetrievalSendsTheSyntheticImagesAsInputs() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: image_retrieval}
                    dataset: {entries: 2, prompts: {isl: 4}, images: {batchSize: 3, width: 16, height: 16}}
                    phases: [{concurrency: 1, requests: 4}]
                    """);
            assertEquals(4, json.at("/request_count/avg").asInt());
            assertEquals(3.0, json.at("/num_images/avg").asDouble(), "AIPerf counts the request's images");
        }
    }

    @Test
    void videoGenerationSubmitsPollsAndCountsTheDownloadOnlyWhenAsked() throws Exception {
        for (boolean download : new boolean[]{false, true}) {
            try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(300))) {
                JsonNode json = profile(mock, """
                        models: [mock-model]
                        endpoint: {type: video_generation, downloadVideoContent: %s}
                        dataset: {entries: 2, prompts: {isl: 8}}
                        phases: [{concurrency: 2, requests: 4}]
                        """.formatted(download));
                assertEquals(4, json.at("/request_count/avg").asInt(), "every job completed");
                assertTrue(json.path("error_request_count").isMissingNode() || json.at("/error_request_count/avg").asInt() == 0);
                assertEquals(download ? 4 : 0, mock.videoDownloads(), "downloads with --download-video-content only");
                // the mock's job takes exactly its ttft and says so; the client sees it completed at a poll after that
                assertEquals(300.0, json.at("/video_inference_time/avg").asDouble(), 1e-6);
                assertEquals(20480.5, json.at("/video_peak_memory/avg").asDouble(), 1e-9);
                double min = json.at("/request_latency/min").asDouble();
                assertTrue(min >= 300, "latency " + min + " ms covers the job");
                assertTrue(json.at("/request_latency/max").asDouble() < 300 + 2000, "polled every 100 ms, not stuck: " + json.get("request_latency"));
            }
        }
    }

    @Test
    void responsesAndMessagesCarryImagesInTheirOwnPartShapes() throws Exception {
        for (String type : List.of("responses", "messages")) {
            try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
                JsonNode json = profile(mock, """
                        models: [mock-model]
                        endpoint: {type: %s}
                        dataset: {entries: 2, prompts: {isl: 8, osl: 3}, images: {batchSize: 2, width: 16, height: 12}}
                        phases: [{concurrency: 1, requests: 4}]
                        """.formatted(type));
                assertEquals(4, json.at("/request_count/avg").asInt(), type);
                assertEquals(new MockMedia.Received(8, 0, 0), mock.mediaReceived(), type + ": input_image parts / Anthropic image blocks, checked");
                assertEquals(2.0, json.at("/num_images/avg").asDouble(), type);
                String inputs = Files.readString(dir.resolve("inputs.json"));
                assertTrue(inputs.contains(type.equals("responses") ? "\"type\":\"input_image\"" : "\"media_type\":\"image/png\""), type);
            }
        }
    }

    @Test
    void nimEmbeddingsPairEachTextWithItsImage() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: nim_embeddings}
                    dataset: {entries: 2, prompts: {isl: 6, batchSize: 2}, images: {batchSize: 2, width: 8, height: 8}}
                    phases: [{concurrency: 1, requests: 3}]
                    """);
            assertEquals(3, json.at("/request_count/avg").asInt());
            assertEquals(2.0, json.at("/num_images/avg").asDouble());
            JsonNode input = JSON.readTree(dir.resolve("inputs.json").toFile()).at("/data/0/payloads/0/input");
            assertEquals(2, input.size(), "one input per text and image pair: " + input);
            assertTrue(input.get(0).asText().contains(" data:image/png;base64,"), "AIPerf's \"<text> <image>\" input");
        }
    }
}
