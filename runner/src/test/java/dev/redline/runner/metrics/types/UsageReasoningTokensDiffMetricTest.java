package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class UsageReasoningTokensDiffMetricTest {
    private final UsageReasoningTokensDiffMetric m = new UsageReasoningTokensDiffMetric();

    @Test
    void absolutePercentOfReasoningTokens() {
        assertEquals(4, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 40, 50).usage(5, 90, 95, 52).build()), 1e-9);
    }

    @Test
    void absentWithoutReasoning() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 40, 0).usage(5, 40, 45, 3).build())));
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 40, 10).usage(5, 50, 55, -1).build())));
    }
}
