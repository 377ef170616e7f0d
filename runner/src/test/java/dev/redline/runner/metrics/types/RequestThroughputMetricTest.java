package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class RequestThroughputMetricTest {
    @Test
    void successfulRequestsPerSecond() {
        // 3 successes from 1000 ms to 3000 ms -> 1.5 requests/sec; the error does not count
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1500).build(),
                TestRecord.startAt(1500).chunk(2000).build(),
                TestRecord.startAt(2000).chunk(3000).build(),
                TestRecord.startAt(2500).fail(500, "Internal Server Error", "x").build());
        assertEquals(1.5, value(res, RequestThroughputMetric.TAG), 1e-12);
    }
}
