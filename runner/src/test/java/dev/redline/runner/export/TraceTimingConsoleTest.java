package dev.redline.runner.export;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.TestRecord;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP trace metrics are computed always but shown in the console only with --show-trace-timing. */
class TraceTimingConsoleTest {
    private static BenchmarkResults run() {
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(MetricsContext.of(EndpointType.CHAT, true));
        for (int i = 0; i < 2; i++) {
            RequestRecord r = TestRecord.startAt(100).tokens(5, 2, 0).ack(130).chunks(140, 150).end(155).build();
            r.markConnection(TestRecord.ns(101), i == 0 ? TestRecord.ns(100.5) : 0); // first: new connection
            r.markSent(TestRecord.ns(102));
            acc.add(r);
        }
        return acc.results();
    }

    @Test
    void hiddenByDefaultShownOnRequest() {
        BenchmarkResults results = run();
        assertEquals(28.0, results.metric("http_req_waiting").orElseThrow().stats().avg(), 1e-9);
        assertEquals(0.5, results.metric("http_req_connection_reused").orElseThrow().stats().avg(), 1e-9);
        assertEquals(0.25, results.metric("http_req_connecting").orElseThrow().stats().avg(), 1e-9);
        assertEquals(54.0, results.metric("http_req_duration").orElseThrow().stats().avg(), 1e-9);
        assertFalse(new ConsoleTableRenderer().render(results).contains("HTTP Waiting"));
        String shown = new ConsoleTableRenderer(true).render(results);
        assertTrue(shown.contains("HTTP Waiting (TTFB) (ms)"), shown);
        assertTrue(shown.contains("HTTP Duration (ms)"), shown);
        assertFalse(shown.contains("Inter Chunk Latency"), "other hidden metrics stay hidden");
    }
}
