package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.fault.FaultKind;
import dev.redline.runner.mock.fault.FaultSpec;
import org.junit.jupiter.api.Test;
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
 * Every fault the mock injects, against the real client over loopback: the mock's own count of what it
 * injected equals the errors the run reports, classified by type and code, in the summary, the per-record
 * export and the console; faults that are valid HTTP/SSE (split lines, short stalls, slow headers) count no
 * error; the run exits 0 and writes every export.
 */
class FaultInjectionProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 40;

    @TempDir Path dir;

    private record Run(MockServer mock, JsonNode summary, List<JsonNode> records, String console) {
        long injected(FaultKind kind) {
            return mock.metrics().faultsInjected(kind);
        }

        /** error_summary counts by "type/code". */
        Map<String, Long> errorsByType() {
            Map<String, Long> out = new HashMap<>();
            for (JsonNode e : summary.get("error_summary")) {
                out.merge(e.at("/error_details/type").asText() + "/" + e.at("/error_details/code").asInt(), e.get("count").asLong(), Long::sum);
            }
            return out;
        }

        long recordErrors(String type) {
            return records.stream().filter(r -> r.at("/error/type").asText().equals(type)).count();
        }
    }

    /** Profiles a fresh mock with these faults: {@code requests} requests under {@code load} (concurrency or rate). */
    private Run run(MockServerOptions mockOptions, String endpoint, double timeoutSeconds, String load, int requests) throws Exception {
        MockServer mock = MockServer.start(mockOptions.ttftMs(5).itlMs(5).eventLoops(1).randomSeed(3));
        try {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {%s, timeoutSeconds: %s}
                    dataset: {entries: 5, prompts: {isl: 8, osl: 4}}
                    phases: [{%s, requests: %d}]
                    """.formatted(endpoint, timeoutSeconds, load, requests), "faults.yaml");
            spec.endpoint().setUrl(mock.baseUrl());
            spec.artifacts().setDir(dir.toString());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                    new PrintStream(console, true, StandardCharsets.UTF_8)).run();
            assertEquals(0, code, "failed requests do not fail the run");
            for (String file : List.of("profile_export_redline.json", "profile_export_redline.csv", "profile_export.jsonl", "inputs.json")) {
                assertTrue(Files.size(dir.resolve(file)) > 0, "missing export " + file);
            }
            List<JsonNode> records = Files.readAllLines(dir.resolve("profile_export.jsonl")).stream().map(FaultInjectionProfileTest::json).toList();
            assertEquals(requests, records.size(), "one line per request, failed or not");
            return new Run(mock, JSON.readTree(dir.resolve("profile_export_redline.json").toFile()), records,
                    console.toString(StandardCharsets.UTF_8));
        } finally {
            mock.close();
        }
    }

    private Run run(String fault, String endpoint, double timeoutSeconds) throws Exception {
        return run(new MockServerOptions().faults(List.of(FaultSpec.parse(fault))), endpoint, timeoutSeconds, "concurrency: 4", REQUESTS);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    /** Asserts that exactly the injected requests failed, all with this type and code, everywhere the run reports them. */
    private static void assertInjectedEqualsErrors(Run r, FaultKind kind, String type, int code) {
        long injected = r.injected(kind);
        assertTrue(injected > 0, kind + " was never injected; pick another seed");
        assertEquals(Map.of(type + "/" + code, injected), r.errorsByType(), r.summary.get("error_summary").toString());
        assertEquals(injected, r.summary.at("/error_request_count/avg").asLong());
        assertEquals(REQUESTS - injected, r.summary.at("/request_count/avg").asLong());
        assertEquals(injected, r.recordErrors(type));
        assertTrue(r.console.contains("Error Summary") && r.console.contains(type), r.console);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
            "429:0.3                                  | type: chat, streaming: true  | 30 | 429     | Too Many Requests     | 429",
            "5xx:0.3:status=502                       | type: chat, streaming: true  | 30 | 5xx     | Bad Gateway           | 502",
            "storm:0.3:duration-s=3600                | type: chat, streaming: true  | 30 | storm   | Service Unavailable   | 503",
            "slow-headers:0.3:delay-s=6               | type: chat, streaming: true  | 2  | slow-headers | TimeoutError     | 0",
            "stream-cut:0.3:after-tokens=2            | type: chat, streaming: true  | 30 | stream-cut | StreamTruncated    | 200",
            "stream-cut:0.3:after-tokens=2,mode=end   | type: chat, streaming: true  | 30 | stream-cut | StreamTruncated    | 200",
            "stream-cut:0.3:after-tokens=0            | type: completions, streaming: true | 30 | stream-cut | StreamTruncated | 200",
            "stall:0.3:after-tokens=2,stall-s=6       | type: chat, streaming: true  | 2  | stall   | TimeoutError          | 0",
            "bad-json:0.3:at-token=1                  | type: chat, streaming: true  | 30 | bad-json | InvalidStreamChunk   | 200",
            "error-event:0.3                          | type: chat, streaming: true  | 30 | error-event | SSEResponseError  | 500",
            "error-event:0.3:style=event              | type: completions, streaming: true | 30 | error-event | SSEResponseError | 502",
            "wrong-content-type:0.3                   | type: chat, streaming: true  | 30 | wrong-content-type | UnexpectedContentType | 200",
            "empty-body:0.3                           | type: chat, streaming: true  | 30 | empty-body | EmptyResponseBody  | 200",
            "stream-cut:0.3                           | type: chat                   | 30 | stream-cut | StreamTruncated    | 200",
            "bad-json:0.3                             | type: completions            | 30 | bad-json | InvalidResponseBody  | 200",
            "error-event:0.3                          | type: chat                   | 30 | error-event | ResponseBodyError | 200",
            "empty-body:0.3                           | type: chat                   | 30 | empty-body | EmptyResponseBody  | 200",
            "wrong-content-type:0.3:content-type=text/plain | type: embeddings       | 30 | wrong-content-type | UnexpectedContentType | 200",
            "stall:0.3:stall-s=6                      | type: embeddings             | 2  | stall   | TimeoutError          | 0",
    })
    void everyInjectedFaultIsOneClassifiedError(String fault, String endpoint, double timeout, String kind, String type, int code)
            throws Exception {
        Run r = run(fault, endpoint, timeout);
        assertInjectedEqualsErrors(r, FaultKind.byName(kind).orElseThrow(), type, code);
    }

    @Test
    void rateLimitedRequestsAreCountedApartAndShownWithRetryAfter() throws Exception {
        Run r = run("429:0.3:retry-after-s=7", "type: chat, streaming: true", 30);
        long injected = r.injected(FaultKind.RATE_LIMITED);
        assertEquals(injected, r.summary.at("/rate_limited_request_count/avg").asLong());
        assertTrue(r.summary.at("/error_summary/0/error_details/message").asText().endsWith("(Retry-After: 7)"),
                r.summary.get("error_summary").toString());
        assertTrue(r.console.contains("Rate Limited Request Count"), r.console);
    }

    @Test
    void resetBeforeHeadersIsATransportError() throws Exception {
        Run r = run("reset:0.3", "type: chat, streaming: true", 30);
        long injected = r.injected(FaultKind.RESET);
        assertTrue(injected > 0);
        assertEquals(injected, r.summary.at("/error_request_count/avg").asLong());
        assertEquals(Map.of("ConnectionResetError/0", injected), r.errorsByType());
    }

    /** Valid HTTP/SSE that only looks odd: a data: line split across TCP writes, a short stall, slow headers. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "split-line:0.5:gap-ms=20            | split-line   | 20",
            "stall:0.3:after-tokens=1,stall-s=0.3 | stall       | 300",
            "slow-headers:0.3:delay-s=0.3         | slow-headers | 300"})
    void validButUnusualAnswersAreSuccessesWithExactTokens(String fault, String kind, double pauseMs) throws Exception {
        Run r = run(fault, "type: chat, streaming: true", 30);
        assertTrue(r.injected(FaultKind.byName(kind).orElseThrow()) > 0);
        assertEquals(0, r.summary.get("error_summary").size(), r.summary.get("error_summary").toString());
        assertEquals(REQUESTS, r.summary.at("/request_count/avg").asLong());
        assertEquals(4.0, r.summary.at("/output_sequence_length/min").asDouble(), "every token reassembled and counted");
        assertEquals(4.0, r.summary.at("/output_sequence_length/max").asDouble());
        assertTrue(r.summary.at("/request_latency/max").asDouble() >= pauseMs, "the pause shows in the latency: "
                + r.summary.get("request_latency"));
    }

    @Test
    void stormHitsOnlyItsTimeWindow() throws Exception {
        // 40 requests at 20/s take 2 s; the storm covers [0.5 s, 1.2 s) after the first request
        Run r = run(new MockServerOptions().faults(List.of(FaultSpec.parse("storm:1:start-s=0.5,duration-s=0.7"))),
                "type: chat, streaming: true", 30, "type: constant, rate: 20", REQUESTS);
        long storms = r.injected(FaultKind.STORM);
        assertTrue(storms > 0 && storms < REQUESTS, "storm hit " + storms + " of " + REQUESTS);
        assertEquals(Map.of("Service Unavailable/503", storms), r.errorsByType());
    }

    /** 20 % of the requests get one of the faults: every export is written and each kind's errors add up. */
    @Test
    void twentyPercentMixedFaultsStillWriteEveryExport() throws Exception {
        List<FaultSpec> faults = List.of("429:0.02", "5xx:0.02", "reset:0.02", "stream-cut:0.02:after-tokens=1",
                "bad-json:0.02", "error-event:0.02", "wrong-content-type:0.02", "empty-body:0.02", "split-line:0.02",
                "stall:0.02:stall-s=0.05").stream().map(FaultSpec::parse).toList();
        Run r = run(new MockServerOptions().faults(faults), "type: chat, streaming: true", 30, "concurrency: 8", REQUESTS * 5);
        long broken = 0;
        for (FaultKind k : List.of(FaultKind.RATE_LIMITED, FaultKind.SERVER_ERROR, FaultKind.RESET, FaultKind.STREAM_CUT,
                FaultKind.BAD_JSON, FaultKind.ERROR_EVENT, FaultKind.WRONG_CONTENT_TYPE, FaultKind.EMPTY_BODY)) {
            broken += r.injected(k);
        }
        assertTrue(broken > 0);
        assertEquals(broken, r.summary.at("/error_request_count/avg").asLong(), r.summary.get("error_summary").toString());
        assertEquals(REQUESTS * 5 - broken, r.summary.at("/request_count/avg").asLong());
        Map<String, Long> byType = r.errorsByType();
        assertEquals(r.injected(FaultKind.STREAM_CUT), byType.getOrDefault("StreamTruncated/200", 0L));
        assertEquals(r.injected(FaultKind.BAD_JSON), byType.getOrDefault("InvalidStreamChunk/200", 0L));
        assertEquals(r.injected(FaultKind.ERROR_EVENT), byType.getOrDefault("SSEResponseError/500", 0L));
        assertEquals(r.injected(FaultKind.EMPTY_BODY), byType.getOrDefault("EmptyResponseBody/200", 0L));
        assertEquals(r.injected(FaultKind.WRONG_CONTENT_TYPE), byType.getOrDefault("UnexpectedContentType/200", 0L));
        assertEquals(r.injected(FaultKind.RATE_LIMITED), byType.getOrDefault("Too Many Requests/429", 0L));
        assertEquals(r.injected(FaultKind.SERVER_ERROR), byType.getOrDefault("Internal Server Error/500", 0L));
    }
}
