package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class MinRequestTimestampMetricTest {
    @Test
    void earliestSendOfSuccessfulRecords() {
        BenchmarkResults res = results(TestRecord.startAt(1500).chunk(1510).build(),
                TestRecord.startAt(1200).chunk(1300).build(),
                TestRecord.startAt(1000).fail(500, "Internal Server Error", "x").build());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1200), res.minRequestWallNs());
        assertEquals((double) res.minRequestWallNs(), value(res, MinRequestTimestampMetric.TAG), 0);
        assertTrue(new MinRequestTimestampMetric().def().has(MetricFlag.INTERNAL));
    }
}
