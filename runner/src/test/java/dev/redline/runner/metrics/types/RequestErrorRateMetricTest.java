package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class RequestErrorRateMetricTest {
    @Test
    void percentOfAllRequests() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1000).fail(429, "Too Many Requests", "slow down").build());
        assertEquals(25, value(res, RequestErrorRateMetric.TAG), 1e-12);
        assertEquals("%", new RequestErrorRateMetric().def().unit().label());
    }

    @Test
    void presentAtTotalFailure() {
        assertEquals(100, value(results(TestRecord.startAt(1000).fail(500, "E", "x").build()),
                RequestErrorRateMetric.TAG), 0);
    }
}
