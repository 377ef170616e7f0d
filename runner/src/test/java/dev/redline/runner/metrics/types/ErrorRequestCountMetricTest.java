package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class ErrorRequestCountMetricTest {
    @Test
    void countsErrorsIncludingCancellations() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1001).fail(500, "Internal Server Error", "x").build(),
                TestRecord.startAt(1002).chunk(1010).cancelAt(1020).build());
        assertEquals(2, value(res, ErrorRequestCountMetric.TAG), 0);
        assertEquals(1, res.cancelledCount());
    }

    @Test
    void absentOnCleanRun() {
        assertTrue(results(TestRecord.startAt(1000).chunk(1010).build()).metric(ErrorRequestCountMetric.TAG).isEmpty());
        assertFalse(new ErrorRequestCountMetric().def().consoleVisible());
    }
}
