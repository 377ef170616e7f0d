package dev.redline.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.metrics.BenchmarkResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SummaryJsonWriterTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aiperfSchemaShape(@TempDir Path dir) throws Exception {
        BenchmarkResults res = Fixtures.chatRun();
        ObjectNode config = mapper.createObjectNode();
        config.putObject("endpoint").put("model", "qwen3");
        RunInfo info = new RunInfo("0.1.0", "bench-1", Instant.parse("2026-11-29T02:00:00Z"),
                Instant.parse("2026-11-29T02:01:30.5Z"), false);
        Path file = new SummaryJsonWriter().write(dir, res, info, config);
        assertEquals("profile_export_redline.json", file.getFileName().toString());

        JsonNode root = mapper.readTree(file.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("schema_version", "redline_version", "benchmark_id", "start_time", "end_time",
                "was_cancelled", "input_config", "error_summary"), keys.subList(0, 8));
        assertEquals("1.5", root.get("schema_version").asText());
        assertEquals("2026-11-29T02:01:30.500Z", root.get("end_time").asText());
        assertEquals("qwen3", root.at("/input_config/endpoint/model").asText());
        assertFalse(root.get("was_cancelled").asBoolean());

        JsonNode err = root.get("error_summary").get(0); // AIPerf's shape: {error_details: {code, type, message}, count}
        assertEquals(List.of("error_details", "count"), fieldNames(err));
        assertEquals(500, err.at("/error_details/code").asInt());
        assertEquals("Internal Server Error", err.at("/error_details/type").asText());
        assertTrue(err.at("/error_details/message").isTextual());
        assertEquals(1, err.get("count").asLong());

        JsonNode ttft = root.get("time_to_first_token");
        assertEquals("ms", ttft.get("unit").asText());
        for (String k : List.of("avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99",
                "std", "count", "sum")) {
            assertTrue(ttft.has(k), k);
        }
        assertEquals(30.0, ttft.get("avg").asDouble(), 1e-9); // 20 and 40 ms
        assertEquals(2, ttft.get("count").asLong());

        JsonNode rps = root.get("request_throughput");
        assertEquals("requests/sec", rps.get("unit").asText());
        assertEquals(2, rps.size()); // unit + avg only
        assertEquals(2 / 2.5, rps.get("avg").asDouble(), 1e-12); // 2 requests, 1000..3500 ms

        assertEquals(res.minRequestWallNs(), root.at("/min_request_timestamp/avg").asLong());
        assertTrue(root.at("/min_request_timestamp/avg").isIntegralNumber());
        assertEquals(50, root.at("/error_isl/avg").asInt());
        assertEquals(1, root.at("/error_request_count/avg").asInt());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void nullInputConfigBecomesEmptyObject() throws Exception {
        String json = new SummaryJsonWriter().toJson(Fixtures.chatRun(),
                new RunInfo("0.1.0", "b", Instant.EPOCH, Instant.EPOCH, true), null);
        JsonNode root = mapper.readTree(json);
        assertTrue(root.get("input_config").isObject());
        assertTrue(root.get("was_cancelled").asBoolean());
    }
}
