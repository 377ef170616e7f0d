package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ErrorIslMetricTest {
    private final ErrorIslMetric m = new ErrorIslMetric();

    @Test
    void inputTokensOfFailedRequest() {
        var r = TestRecord.startAt(1000).fail(500, "Internal Server Error", "boom").tokens(77, -1, -1).build();
        assertEquals(77, m.value(r), 0);
    }

    @Test
    void errorOnly() {
        assertTrue(m.def().has(MetricFlag.ERROR_ONLY));
        assertFalse(m.def().consoleVisible());
    }
}
