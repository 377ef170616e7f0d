package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class UsageDiscrepancyCountMetricTest {
    @Test
    void countsRecordsWithAnyDiffOverTenPercent() {
        BenchmarkResults res = results(
                TestRecord.startAt(1000).chunk(1010).tokens(100, 50, 0).usage(105, 50, 155, -1).build(), // 5 %, 0 %
                TestRecord.startAt(1000).chunk(1010).tokens(100, 50, 0).usage(115, 50, 165, -1).build(), // prompt 15 %
                TestRecord.startAt(1000).chunk(1010).tokens(100, 50, 0).usage(100, 56, 156, -1).build(), // completion 12 %
                TestRecord.startAt(1000).chunk(1010).tokens(100, 50, 0).usage(100, 55, 155, -1).build()); // exactly 10 %: not over
        assertEquals(2, value(res, UsageDiscrepancyCountMetric.TAG), 0);
    }

    @Test
    void absentWithoutUsageOrWithServerCounts() {
        assertTrue(results(TestRecord.startAt(1000).chunk(1010).tokens(100, 50, 0).build())
                .metric(UsageDiscrepancyCountMetric.TAG).isEmpty());
        var ctx = new MetricsContext(EndpointType.CHAT, true, null, true);
        assertTrue(results(ctx, TestRecord.startAt(1000).chunk(1010).tokens(100, 50, 0).usage(1, 1, 2, -1).build())
                .metric(UsageDiscrepancyCountMetric.TAG).isEmpty());
    }
}
