package dev.redline.api.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.redline.api.v1alpha1.ErrorEntry;
import dev.redline.api.v1alpha1.ResultsSummary;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner/operator contract: what one side writes, the other reads back exactly; other shapes fail loudly. */
class ProfileExportTest {
    private static ProfileExport sample() {
        Map<String, Number> ttft = new LinkedHashMap<>();
        ttft.put("avg", 12.5);
        ttft.put("p50", 11.0);
        ttft.put("p95", 20.25);
        ttft.put("p99", 30.0);
        ttft.put("count", 100L);
        ErrorEntry e = new ErrorEntry();
        e.setCode(429);
        e.setType("Too Many Requests");
        e.setCount(3L);
        return new ProfileExport().facts("1.2.3", "id-1", "2026-12-06T10:00:00Z", "2026-12-06T10:00:10Z", false)
                .inputConfig(JsonNodeFactory.instance.objectNode().put("models", "m"))
                .addError(e)
                .putMetric("time_to_first_token", new MetricBlock("ms", ttft))
                .putMetric("request_count", MetricBlock.scalar("requests", 100L))
                .putMetric("request_throughput", MetricBlock.scalar("requests/sec", 9.75))
                .putMetric("min_request_timestamp", MetricBlock.scalar("ns", 1_765_000_000_123_456_789L))
                .putExtension("phases", JsonNodeFactory.instance.arrayNode().add("profiling"));
    }

    @Test
    void whatTheRunnerWritesTheOperatorReadsBackExactly() {
        ProfileExport read = ProfileExport.parse(sample().toJson(), "summary.json");
        assertEquals("1.5", read.schemaVersion());
        assertEquals("1.2.3", read.toolVersion());
        assertEquals(12.5, read.stat("time_to_first_token", "avg"));
        assertEquals(20.25, read.stat("time_to_first_token", "p95"));
        assertEquals(100L, read.metric("request_count").stats().get("avg"));
        assertEquals(1_765_000_000_123_456_789L, read.metric("min_request_timestamp").stats().get("avg"),
                "epoch-ns timestamps keep all 64 bits");
        assertEquals(3L, read.errorSummary().get(0).getCount());
        assertEquals("profiling", read.extension("phases").get(0).asText());
        assertEquals(sample().toJson(), read.toJson(), "a read export writes the same JSON again");
    }

    @Test
    void theStatusSummaryTakesTheHeadlineFigures() {
        ResultsSummary s = ResultsSummary.from(ProfileExport.parse(sample().toJson(), "x"), List.of());
        assertEquals(100L, s.getRequestCount());
        assertEquals(3L, s.getErrorCount(), "from the error summary when error_request_count is absent");
        assertEquals(9.75, s.getRequestThroughput());
        assertEquals(30.0, s.getTimeToFirstToken().getP99());
        assertEquals(20.25, s.getTimeToFirstToken().getP95());
        assertNull(s.getInterTokenLatency());
        assertEquals(429, s.getTopErrors().get(0).getCode());
    }

    @Test
    void readsAnAiperfExport() {
        // error_summary as AIPerf 0.13 writes it (ErrorDetailsCount), copied from a run against redline mock-server
        String aiperf = """
                {"schema_version": "1.5", "aiperf_version": "0.13.0", "benchmark_id": "b",
                 "request_throughput": {"unit": "requests/sec", "avg": 4.5},
                 "error_summary": [{"error_details": {"code": 500, "type": "Internal Server Error",
                   "message": "{\\"error\\":{\\"message\\":\\"Injected mock server error (request 1)\\"}}"}, "count": 1}]}
                """;
        ProfileExport read = ProfileExport.parse(aiperf, "profile_export_aiperf.json");
        assertEquals("0.13.0", read.toolVersion());
        assertEquals(4.5, read.stat("request_throughput", "avg"));
        assertEquals(500, read.errorSummary().get(0).getCode());
        assertEquals("Internal Server Error", read.errorSummary().get(0).getType());
        assertEquals(1L, read.errorSummary().get(0).getCount());
    }

    @Test
    void writesTheErrorSummaryInAiperfsShape() throws Exception {
        JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sample().toJson()).at("/error_summary/0");
        List<String> keys = new java.util.ArrayList<>();
        entry.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("error_details", "count"), keys);
        assertEquals(429, entry.at("/error_details/code").asInt());
        assertEquals("Too Many Requests", entry.at("/error_details/type").asText());
        assertEquals(3, entry.get("count").asLong());
        String flat = "{\"schema_version\": \"1.5\", \"error_summary\": [{\"code\": 503, \"type\": \"x\", \"count\": 2}]}";
        assertEquals(503, ProfileExport.parse(flat, "older runner").errorSummary().get(0).getCode(), "the flat shape still reads");
    }

    @Test
    void shapesItCannotReadFailWithOneLineNamingTheKey() {
        String camel = assertThrows(ExportFormatException.class,
                () -> ProfileExport.parse("{\"requestCount\": 5, \"requestThroughput\": 1.0}", "summary.json in ConfigMap r")).getMessage();
        assertTrue(camel.startsWith("summary.json in ConfigMap r has no schema_version"), camel);
        assertTrue(camel.contains("camelCase"), camel);
        assertTrue(assertThrows(ExportFormatException.class, () -> ProfileExport.parse("{\"schema_version\": \"2.0\"}", "f"))
                .getMessage().contains("schema_version 2.0 is not supported"));
        assertTrue(assertThrows(ExportFormatException.class,
                () -> ProfileExport.parse("{\"schema_version\": \"1.5\", \"request_latency\": {\"unit\": \"ms\", \"avg\": \"fast\"}}", "f"))
                .getMessage().contains("request_latency.avg is not a number"));
        assertTrue(assertThrows(ExportFormatException.class, () -> ProfileExport.parse("{not json", "f"))
                .getMessage().startsWith("f is not valid JSON"));
        assertTrue(assertThrows(ExportFormatException.class, () -> ProfileExport.parse("[]", "f"))
                .getMessage().contains("not a JSON object"));
        assertTrue(assertThrows(ExportFormatException.class,
                () -> ProfileExport.parse("{\"schema_version\": \"1.5\", \"error_summary\": [{\"type\": \"x\"}]}", "f"))
                .getMessage().contains("numeric count"));
        for (String bad : List.of("{not json", "{\"requestCount\": 5}")) {
            String msg = assertThrows(ExportFormatException.class, () -> ProfileExport.parse(bad, "f")).getMessage();
            assertEquals(1, msg.lines().count(), msg);
        }
    }

    @Test
    void theConfigMapReaderSaysWhatIsMissingOrUnreadable() {
        ResultsConfigMap.Contents none = ResultsConfigMap.read("r", null);
        assertTrue(none.summaryProblem().contains("does not exist"));
        ResultsConfigMap.Contents empty = ResultsConfigMap.read("r", Map.of());
        assertEquals("ConfigMap r has no summary.json", empty.summaryProblem());
        assertTrue(!empty.summaryUnreadable());
        ResultsConfigMap.Contents bad = ResultsConfigMap.read("r", Map.of("summary.json", "{\"requestCount\": 1}", "error", "boom\n"));
        assertTrue(bad.summaryUnreadable());
        assertEquals("boom", bad.runnerError());
        ResultsConfigMap.Contents ok = ResultsConfigMap.read("r", Map.of("summary.json", sample().toJson(),
                "artifacts.json", ResultsConfigMap.artifactsJson(List.of("s3://b/k/profile_export_redline.json"))));
        assertNull(ok.summaryProblem());
        assertEquals(List.of("s3://b/k/profile_export_redline.json"), ok.objectStoreUris());
    }
}
