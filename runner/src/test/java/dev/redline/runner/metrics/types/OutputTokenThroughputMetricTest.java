package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class OutputTokenThroughputMetricTest {
    @Test
    void totalOslPerSecond() {
        // OSL 100 + (50+50) = 200 tokens over 0.5 s -> 400 tokens/sec
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1300).tokens(10, 100, 0).build(),
                TestRecord.startAt(1100).chunk(1500).tokens(10, 50, 50).build(),
                TestRecord.startAt(1200).fail(500, "E", "x").tokens(999, -1, -1).build());
        assertEquals(400, value(res, OutputTokenThroughputMetric.TAG), 1e-9);
    }

    @Test
    void absentForEmbeddings() {
        BenchmarkResults res = results(MetricsContext.of(EndpointType.EMBEDDINGS, false),
                TestRecord.startAt(1000).chunk(1300).tokens(10, -1, -1).build());
        assertTrue(res.metric(OutputTokenThroughputMetric.TAG).isEmpty());
        assertTrue(res.metric(RequestThroughputMetric.TAG).isPresent());
    }
}
