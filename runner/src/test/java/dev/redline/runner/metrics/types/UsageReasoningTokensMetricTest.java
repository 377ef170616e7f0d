package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class UsageReasoningTokensMetricTest {
    private final UsageReasoningTokensMetric m = new UsageReasoningTokensMetric();

    @Test
    void serverReasoningTokens() {
        assertEquals(8, m.value(TestRecord.startAt(1000).chunk(1020).usage(12, 30, 42, 8).build()), 0);
    }

    @Test
    void absentWhenServerDidNotSay() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).usage(12, 30, 42, -1).build())));
    }
}
