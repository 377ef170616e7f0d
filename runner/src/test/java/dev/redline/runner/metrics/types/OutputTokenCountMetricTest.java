package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OutputTokenCountMetricTest {
    private final OutputTokenCountMetric m = new OutputTokenCountMetric();

    @Test
    void nonReasoningTokensOnly() {
        assertEquals(100, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 100, 30).build()), 0);
    }

    @Test
    void absentBeforeCounting() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).build())));
    }
}
