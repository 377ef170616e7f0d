package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ReasoningTokenCountMetricTest {
    private final ReasoningTokenCountMetric m = new ReasoningTokenCountMetric();

    @Test
    void reasoningTokens() {
        assertEquals(30, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 100, 30).build()), 0);
    }

    @Test
    void absentWhenNotCounted() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 100, -1).build())));
    }
}
