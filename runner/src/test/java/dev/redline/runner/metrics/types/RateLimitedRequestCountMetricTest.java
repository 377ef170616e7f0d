package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class RateLimitedRequestCountMetricTest {
    @Test
    void counts429sApartFromOtherErrors() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1001).fail(429, "Too Many Requests", "slow down").build(),
                TestRecord.startAt(1002).fail(429, "Too Many Requests", "slow down").build(),
                TestRecord.startAt(1003).fail(503, "Service Unavailable", "storm").build());
        assertEquals(2, value(res, RateLimitedRequestCountMetric.TAG), 0);
        assertEquals(3, value(res, ErrorRequestCountMetric.TAG), 0);
        assertTrue(new RateLimitedRequestCountMetric().def().consoleVisible(), "shown in the console when present");
    }

    @Test
    void absentWithout429() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1001).fail(500, "Internal Server Error", "x").build());
        assertTrue(res.metric(RateLimitedRequestCountMetric.TAG).isEmpty());
    }
}
