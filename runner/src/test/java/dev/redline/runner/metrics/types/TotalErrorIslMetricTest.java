package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class TotalErrorIslMetricTest {
    @Test
    void sumOfFailedIsl() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).tokens(100, 1, 0).build(),
                TestRecord.startAt(1000).fail(500, "E", "x").tokens(40, -1, -1).build(),
                TestRecord.startAt(1000).fail(400, "Bad Request", "y").tokens(60, -1, -1).build());
        assertEquals(100, value(res, TotalErrorIslMetric.TAG), 0);
        assertEquals(50, stats(res, ErrorIslMetric.TAG).avg(), 0);
    }

    @Test
    void absentOnCleanRun() {
        assertTrue(results(TestRecord.startAt(1000).chunk(1010).build()).metric(TotalErrorIslMetric.TAG).isEmpty());
    }
}
