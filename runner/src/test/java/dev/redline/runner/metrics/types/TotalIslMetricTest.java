package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class TotalIslMetricTest {
    @Test
    void sumOfSuccessfulIsl() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).tokens(100, 1, 0).build(),
                TestRecord.startAt(1000).chunk(1010).tokens(250, 1, 0).build(),
                TestRecord.startAt(1000).fail(500, "E", "x").tokens(1000, -1, -1).build());
        assertEquals(350, value(res, TotalIslMetric.TAG), 0);
    }
}
