package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class BenchmarkDurationMetricTest {
    @Test
    void firstSendToLastResponseOfSuccessfulRecordsInSeconds() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1500).build(),
                TestRecord.startAt(2000).chunk(3250).build(),
                TestRecord.startAt(500).fail(500, "Internal Server Error", "x").end(9000).build());
        assertEquals(TestRecord.ns(2250), res.benchmarkDurationNs());
        assertEquals(2.25, value(res, BenchmarkDurationMetric.TAG), 1e-12);
        assertEquals("s", new BenchmarkDurationMetric().def().unit().label());
    }

    @Test
    void absentWithoutSuccess() {
        assertTrue(Double.isNaN(value(results(TestRecord.startAt(1000).fail(500, "E", "x").build()),
                BenchmarkDurationMetric.TAG)));
    }
}
