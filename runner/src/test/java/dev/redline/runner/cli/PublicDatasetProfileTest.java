package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.redline.runner.dataset.hub.ParquetFixture;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redline profile --public-dataset} end to end against the mock over loopback: the request bodies that reach
 * the server (recorded by a pass-through proxy in front of it) carry the dataset's rows. The hub-cache run is a real
 * {@code redline} process with HF_HOME pointing at a Parquet snapshot written by the test, as huggingface-cli lays one out.
 */
class PublicDatasetProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private HttpServer proxy;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (proxy != null) proxy.stop(0);
    }

    /** Forwards every request to the mock and keeps the JSON body that went through. */
    private String recordingProxy(MockServer mock) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (body.length > 0) received.add(JSON.readTree(body));
            HttpRequest.Builder fwd = HttpRequest.newBuilder(URI.create(mock.baseUrl() + ex.getRequestURI()))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) fwd.header("Content-Type", type);
            try {
                HttpResponse<byte[]> r = client.send(fwd.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().firstValue("content-type").ifPresent(v -> ex.getResponseHeaders().set("Content-Type", v));
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) try (OutputStream out = ex.getResponseBody()) { out.write(r.body()); }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
            }
        });
        proxy.start();
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    private static List<String> userTexts(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            if (!"user".equals(m.path("role").asText())) continue;
            JsonNode c = m.path("content");
            if (c.isTextual()) out.add(c.asText());
            else for (JsonNode part : c) if ("text".equals(part.path("type").asText())) out.add(part.path("text").asText());
        }
        return out;
    }

    private static Map<String, Object> row(String question) {
        return Map.of("question", question, "answer", "42");
    }

    @Test
    void gsm8kFromTheHubCacheInARealProcessSendsTheTestSplitsQuestions() throws Exception {
        Path hfHome = dir.resolve("hf");
        Path repo = hfHome.resolve("hub/datasets--openai--gsm8k");
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "rev1");
        List<String> questions = List.of("Natalia sold clips to 48 of her friends in April. How many in May?",
                "Weng earns $12 an hour for babysitting. How much for 50 minutes?",
                "Betty needs $100 for a wallet and has half. How much more?");
        ParquetFixture.write(repo.resolve("snapshots/rev1/main/test-00000-of-00001.parquet"), List.of("question", "answer"), List.of(),
                questions.stream().map(PublicDatasetProfileTest::row).toList());
        ParquetFixture.write(repo.resolve("snapshots/rev1/main/train-00000-of-00001.parquet"), List.of("question", "answer"), List.of(),
                List.of(row("NOT THE TEST SPLIT")));
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(1))) {
            String url = recordingProxy(mock);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RedlineCli.class.getName(),
                    "profile", "-m", "mock-model", "-u", url, "--endpoint-type", "chat", "--public-dataset", "spec_al_gsm8k",
                    "--tokenizer", "builtin", "--ui-type", "none", "--request-count", "6", "--concurrency", "1", "--osl", "5",
                    "--random-seed", "3", "--artifact-dir", dir.resolve("art").toString())
                    .redirectErrorStream(true);
            pb.environment().put("HF_HOME", hfHome.toString());
            pb.environment().put("HF_HUB_OFFLINE", "1");
            pb.environment().remove("HF_HUB_CACHE");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "profile did not exit");
            assertEquals(0, p.exitValue(), out);
        }
        List<JsonNode> chats = received.stream().filter(b -> b.has("messages")).toList();
        assertEquals(6, chats.size());
        for (JsonNode b : chats) {
            List<String> texts = userTexts(b);
            assertEquals(1, texts.size(), b.toString());
            assertTrue(questions.contains(texts.get(0)), "a test-split question was sent: " + texts);
            assertEquals(5, b.path("max_completion_tokens").asInt(b.path("max_tokens").asInt()), "max tokens from --osl: " + b);
        }
        assertEquals(new java.util.HashSet<>(questions), chats.stream().map(b -> userTexts(b).get(0)).collect(java.util.stream.Collectors.toSet()),
                "every row is used before one repeats (shuffle), none from train");
    }

    @Test
    void mtBenchFromAParquetCopySendsBothTurnsOfASessionWithTheFirstAsHistory() throws Exception {
        Path file = ParquetFixture.write(dir.resolve("mt_bench.parquet"), List.of("category"), List.of("prompt"),
                List.of(Map.of("category", "writing", "prompt", List.of("Write a haiku about the sea.", "Now make it about mountains."))));
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(1))) {
            String url = recordingProxy(mock);
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "mock-model", "-u", url, "--endpoint-type", "chat",
                    "--public-dataset", "spec_al_mtbench", "--public-dataset-path", file.toString(), "--tokenizer", "builtin",
                    "--ui-type", "none", "--request-count", "2", "--concurrency", "1", "--artifact-dir", dir.resolve("art").toString());
            assertEquals(0, r.code(), r.err());
        }
        List<JsonNode> chats = received.stream().filter(b -> b.has("messages")).toList();
        assertEquals(2, chats.size());
        assertEquals(List.of("Write a haiku about the sea."), userTexts(chats.get(0)));
        assertEquals(List.of("Write a haiku about the sea.", "Now make it about mountains."), userTexts(chats.get(1)),
                "the second turn carries the first as history");
        assertTrue(chats.get(1).path("messages").toString().contains("\"assistant\""), "with the live reply between: " + chats.get(1));
    }

    @Test
    void mmstarSendsTheQuestionAndItsImageInOneUserMessage() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        Path file = ParquetFixture.write(dir.resolve("val.parquet"), List.of("question"), List.of(), List.of("image"),
                List.of(Map.of("question", "How many squares are there?", "image", png.toByteArray())));
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(1))) {
            String url = recordingProxy(mock);
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "mock-model", "-u", url, "--endpoint-type", "chat",
                    "--public-dataset", "mmstar", "--public-dataset-path", file.toString(), "--tokenizer", "builtin",
                    "--ui-type", "none", "--request-count", "1", "--artifact-dir", dir.resolve("art").toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(1, mock.mediaReceived().images(), "the server decoded one image");
        }
        JsonNode content = received.stream().filter(b -> b.has("messages")).findFirst().orElseThrow().at("/messages/0/content");
        assertEquals("How many squares are there?", content.at("/0/text").asText(), content.toString());
        assertEquals("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray()),
                content.at("/1/image_url/url").asText(), content.toString());
    }

    @Test
    void anAgenticNameIsRefusedInOneLineBeforeAnyRequest() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0))) {
            String url = recordingProxy(mock);
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "mock-model", "-u", url, "--public-dataset", "exgentic",
                    "--tokenizer", "builtin", "--ui-type", "none", "--artifact-dir", dir.resolve("art").toString());
            String err = r.err().trim();
            assertEquals(2, r.code(), err);
            assertFalse(err.contains("\n"), err);
            assertTrue(err.contains("public dataset 'exgentic' is not supported: it replays recorded agentic traces"), err);
            assertTrue(err.contains("--public-dataset"), err);
        }
        assertTrue(received.stream().noneMatch(b -> b.has("messages")), "no inference request");
    }
}
