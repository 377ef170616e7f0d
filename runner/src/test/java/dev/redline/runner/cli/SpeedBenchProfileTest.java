package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * `redline profile --custom-dataset-type speed_bench_*` against the mock over loopback: the requests the server
 * receives are the category's rows, each message a turn after the live history; bad input stops before any request.
 */
class SpeedBenchProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "a".repeat(32);
    private static final String B = "b".repeat(32);
    private static final String C = "c".repeat(32);
    @TempDir Path dir;

    private static String row(String id, String category, String... user) {
        List<String> m = new ArrayList<>();
        for (String t : user) m.add("{\"role\": \"user\", \"content\": \"" + t + "\"}");
        return "{\"question_id\": \"" + id + "\", \"category\": \"" + category + "\", \"messages\": [" + String.join(", ", m) + "]}\n";
    }

    private Path qualitative() throws Exception {
        return Files.writeString(dir.resolve("qualitative.jsonl"), row(A, "coding", "Write a sort.", "Make it stable.")
                + row(B, "math", "What is 2+2?") + "{\"question_id\": \"" + C + "\", \"category\": \"coding\", \"messages\": ["
                + "{\"role\": \"system\", \"content\": \"Be terse.\"}, {\"role\": \"user\", \"content\": \"Fix this loop.\"}]}\n");
    }

    /** Serves chat completions itself to record each body and reply "reply N", so the history can be checked. */
    private static List<JsonNode> capture(MockServer mock) {
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        mock.router().add(HttpMethod.POST, "/v1/chat/completions", req -> req.body().onSuccess(b -> {
            try {
                bodies.add(JSON.readTree(b.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String reply = "{\"id\": \"r\", \"object\": \"chat.completion\", \"model\": \"mock-model\", \"choices\": [{\"index\": 0, "
                    + "\"message\": {\"role\": \"assistant\", \"content\": \"reply " + bodies.size() + "\"}, \"finish_reason\": \"stop\"}], "
                    + "\"usage\": {\"prompt_tokens\": 5, \"completion_tokens\": 2, \"total_tokens\": 7}}";
            req.response().putHeader("Content-Type", "application/json").end(reply);
        }));
        return bodies;
    }

    private static List<String> roles(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("messages").forEach(m -> out.add(m.get("role").asText() + ": " + m.get("content").asText()));
        return out;
    }

    @Test
    void anAiperfSpeedBenchCommandLineSendsTheCategorysTurnsWithTheirHistory() throws Exception {
        Path file = qualitative();
        try (MockServer mock = MockServer.start(new MockServerOptions())) {
            List<JsonNode> bodies = capture(mock);
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "mock-model", "--tokenizer", "builtin", "--url", mock.baseUrl(),
                    "--endpoint-type", "chat", "--custom-dataset-type", "speed_bench_coding", "--input-file", file.toString(),
                    "--concurrency", "1", "--request-count", "4", "--artifact-dir", dir.resolve("out").toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(4, bodies.size(), "the coding rows' four messages, the math row none");
            assertEquals(List.of("user: Write a sort."), roles(bodies.get(0)));
            assertEquals(List.of("user: Write a sort.", "assistant: reply 1", "user: Make it stable."), roles(bodies.get(1)),
                    "a row's second message is a turn after the first and the reply received");
            assertEquals(List.of("system: Be terse."), roles(bodies.get(2)),
                    "the next question is a new session; its leading system message a request of its own, as AIPerf sends it");
            assertEquals(List.of("system: Be terse.", "assistant: reply 3", "user: Fix this loop."), roles(bodies.get(3)));
        }
    }

    private void assertRefused(MockServer mock, String fragment, Path file, String type) {
        List<String> args = List.of("profile", "-m", "mock-model", "--tokenizer", "builtin", "--url", mock.baseUrl(),
                "--request-count", "2", "--artifact-dir", dir.resolve("bad").toString(), "--input-file", file.toString(),
                "--custom-dataset-type", type);
        CliRun.assertRefusedBeforeSending(mock, fragment, args);
    }

    @Test
    void badRowsPlaceholdersAndAnEmptyCategoryExitTwoWithOneLine() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions())) {
            Path placeholder = Files.writeString(dir.resolve("throughput_8k.jsonl"),
                    row(A, "mixed", "FULL BENCHMARK DATA SHOULD BE FETCHED FROM THE SOURCE USING SPECDEC_BENCH"));
            assertRefused(mock, "throughput_8k.jsonl:1: field 'messages[0].content' is SPEED-Bench's placeholder", placeholder,
                    "speed_bench_throughput_8k_mixed");
            Path shortId = Files.writeString(dir.resolve("qualitative.jsonl"), row(A, "coding", "ok") + row("q1", "coding", "x"));
            assertRefused(mock, "qualitative.jsonl:2: field 'question_id' must be 32 characters", shortId, "speed_bench_coding");
            assertRefused(mock, "no row has category 'rag'", qualitative(), "speed_bench_rag");
            assertRefused(mock, "unknown value 'speed_bench_poetry'", qualitative(), "speed_bench_poetry");
        }
    }
}
