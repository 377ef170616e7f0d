package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class RequestCountMetricTest {
    @Test
    void countsValidRecordsOnly() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1001).chunk(1011).build(),
                TestRecord.startAt(1002).fail(500, "Internal Server Error", "x").build(),
                TestRecord.startAt(1003).build(), // no content: invalid, counted as error
                TestRecord.startAt(1004).chunk(1020).late().build(),
                TestRecord.warmupAt(900).chunk(950).build());
        assertEquals(2, value(res, RequestCountMetric.TAG), 0);
        assertEquals(2, res.validCount());
        assertEquals(1, res.lateCount());
    }

    @Test
    void absentWhenEverythingFailed() {
        assertTrue(Double.isNaN(value(results(TestRecord.startAt(1000).fail(503, "Service Unavailable", "busy").build()),
                RequestCountMetric.TAG)));
    }
}
