package dev.redline.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.metrics.Runs;
import dev.redline.runner.metrics.TestRecord;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RecordJsonlWriterTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void oneLinePerRecordInAiperfShape(@TempDir Path dir) throws Exception {
        RequestRecord ok = TestRecord.startAt(1000).ack(1005).chunks(1020, 1030, 1060).end(1070).tokens(7, 5, 0).build();
        ok.setXRequestId("req-1");
        ok.setSessionNum(3);
        RequestRecord failed = TestRecord.startAt(1100).fail(503, "Service Unavailable", "busy").tokens(9, -1, -1).build();
        RequestRecord cancelled = TestRecord.startAt(1200).chunk(1210).cancelAt(1250).build();

        Path file = dir.resolve(RecordJsonlWriter.FILE_NAME);
        try (RecordJsonlWriter w = new RecordJsonlWriter(file, new RecordMetricsView(Runs.CHAT_STREAMING), 2)) {
            w.write(ok);
            w.write(failed);
            w.write(cancelled);
            assertEquals(3, w.written());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());

        JsonNode a = mapper.readTree(lines.get(0));
        assertEquals(List.of("metadata", "metrics", "error"), fieldNames(a));
        JsonNode meta = a.get("metadata");
        for (String k : List.of("session_num", "x_request_id", "x_correlation_id", "conversation_id", "turn_index",
                "request_start_ns", "request_ack_ns", "request_end_ns", "worker_id", "record_processor_id",
                "benchmark_phase", "was_cancelled", "cancellation_time_ns")) {
            assertTrue(meta.has(k), k);
        }
        assertEquals(3, meta.get("session_num").asLong());
        assertEquals("req-1", meta.get("x_request_id").asText());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1000), meta.get("request_start_ns").asLong());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1070), meta.get("request_end_ns").asLong());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1005), meta.get("request_ack_ns").asLong());
        assertEquals(2, meta.get("record_processor_id").asInt());
        assertEquals("profiling", meta.get("benchmark_phase").asText());
        assertTrue(meta.get("cancellation_time_ns").isNull());
        JsonNode metrics = a.get("metrics");
        assertEquals(20.0, metrics.at("/time_to_first_token/value").asDouble(), 1e-9);
        assertEquals("ms", metrics.at("/time_to_first_token/unit").asText());
        assertEquals(5, metrics.at("/output_sequence_length/value").asInt());
        assertTrue(metrics.at("/output_sequence_length/value").isIntegralNumber());
        assertEquals(2, metrics.at("/inter_chunk_latency/value").size());
        assertFalse(metrics.has("error_isl"));
        assertTrue(a.get("error").isNull());

        JsonNode b = mapper.readTree(lines.get(1));
        assertEquals(List.of("error_isl"), fieldNames(b.get("metrics")));
        assertEquals(9, b.at("/metrics/error_isl/value").asInt());
        assertEquals(503, b.at("/error/code").asInt());
        assertEquals("Service Unavailable", b.at("/error/type").asText());
        assertEquals("busy", b.at("/error/message").asText());

        JsonNode c = mapper.readTree(lines.get(2));
        assertTrue(c.at("/metadata/was_cancelled").asBoolean());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1250), c.at("/metadata/cancellation_time_ns").asLong());
        assertEquals(499, c.at("/error/code").asInt());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
