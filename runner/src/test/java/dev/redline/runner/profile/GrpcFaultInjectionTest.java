package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.fault.FaultSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mock's faults over gRPC (kserve, grpc://) against the real client over loopback, unary and streamed: each
 * broken answer is the error a gRPC client sees (a status, or a broken OK call's type), exactly as many as the mock
 * injected; faults a gRPC answer survives (slow headers, a stall) and HTTP-only ones (split-line) count no error.
 */
class GrpcFaultInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 24;

    @TempDir Path dir;

    @ParameterizedTest(name = "{0} streaming={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "429:0.5                        | true  | StatusCode.RESOURCE_EXHAUSTED/8",
            "5xx:0.5                        | false | StatusCode.INTERNAL/13",
            "5xx:0.5:status=503             | true  | StatusCode.UNAVAILABLE/14",
            "storm:1:duration-s=60          | false | StatusCode.UNAVAILABLE/14",
            "reset:0.5                      | true  | StatusCode.UNAVAILABLE/14",
            "stream-cut:0.5:after-tokens=2  | true  | StatusCode.UNAVAILABLE/14",
            "stream-cut:0.5:mode=end        | true  | StreamTruncated/502",
            "stream-cut:0.5                 | false | StatusCode.UNAVAILABLE/14",
            "error-event:0.5                | true  | ResponseBodyError/502",
            "error-event:0.5                | false | StatusCode.INTERNAL/13",
            "bad-json:0.5:at-token=1        | true  | InvalidResponseBody/502",
            "bad-json:0.5                   | false | InvalidResponseBody/502",
            "empty-body:0.5                 | true  | EmptyResponseBody/502",
            "empty-body:0.5                 | false | InvalidResponseBody/502",
    })
    void eachBrokenAnswerIsTheErrorTheMockInjected(String fault, boolean streaming, String expected) throws Exception {
        Run r = run(fault, streaming);
        long injected = r.mock.metrics().faultsInjected(FaultSpec.parse(fault).kind());
        assertTrue(injected > 0, fault + " was never injected; pick another seed");
        assertEquals(Map.of(expected, injected), r.errorsByType(), r.summary.path("error_summary").toString());
        assertEquals(REQUESTS - injected, r.summary.at("/request_count/avg").asLong(), "the others succeeded");
    }

    @ParameterizedTest(name = "{0} streaming={1}")
    @CsvSource(delimiter = '|', value = {
            "slow-headers:1:delay-s=0.05             | true  | 1",
            "slow-headers:1:delay-s=0.05             | false | 1",
            "stall:1:after-tokens=1,stall-s=0.05     | true  | 1",
            "stall:1:stall-s=0.05                    | false | 1",
            "split-line:1                            | true  | 0",
    })
    void answersThatSurviveTheirFaultAreSuccesses(String fault, boolean streaming, int counted) throws Exception {
        Run r = run(fault, streaming);
        assertEquals(Map.of(), r.errorsByType(), r.summary.path("error_summary").toString());
        assertEquals(REQUESTS, r.summary.at("/request_count/avg").asLong());
        assertEquals(counted * (long) REQUESTS, r.mock.metrics().faultsInjected(FaultSpec.parse(fault).kind()),
                "split-line is HTTP framing: not applied to gRPC, not counted");
        if (counted == 1) {
            assertTrue(r.summary.at("/request_latency/min").asDouble() >= 50, "the 50 ms hold is in every latency: " + r.summary.path("request_latency"));
        }
        assertTrue(r.summary.at("/output_sequence_length/avg").asDouble() > 0, "the whole text arrived");
    }

    private record Run(MockServer mock, JsonNode summary) {
        Map<String, Long> errorsByType() {
            Map<String, Long> out = new HashMap<>();
            for (JsonNode e : summary.path("error_summary")) {
                out.merge(e.at("/error_details/type").asText() + "/" + e.at("/error_details/code").asInt(), e.get("count").asLong(), Long::sum);
            }
            return out;
        }
    }

    private Run run(String fault, boolean streaming) throws Exception {
        MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(2).grpcPort(0).randomSeed(3)
                .faults(List.of(FaultSpec.parse(fault))));
        try {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {type: kserve, url: '%s', streaming: %s, timeoutSeconds: 30}
                    dataset: {entries: 4, prompts: {isl: 8, osl: 6}}
                    phases: [{concurrency: 3, requests: %d}]
                    """.formatted(mock.grpcBaseUrl(), streaming, REQUESTS), "grpc-faults.yaml");
            spec.artifacts().setDir(dir.toString());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int code = new ProfileRun(spec, new RunOptions("none", "warn", false), new PrintStream(console, true, StandardCharsets.UTF_8)).run();
            assertEquals(0, code, "failed requests do not fail the run: " + console.toString(StandardCharsets.UTF_8));
            assertEquals(REQUESTS, Files.readAllLines(dir.resolve("profile_export.jsonl")).size(), "one record per request, failed or not");
            return new Run(mock, JSON.readTree(dir.resolve("profile_export_redline.json").toFile()));
        } finally {
            mock.close();
        }
    }
}
