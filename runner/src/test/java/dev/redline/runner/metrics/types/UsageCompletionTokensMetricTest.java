package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class UsageCompletionTokensMetricTest {
    private final UsageCompletionTokensMetric m = new UsageCompletionTokensMetric();

    @Test
    void serverCompletionTokens() {
        assertEquals(30, m.value(TestRecord.startAt(1000).chunk(1020).usage(12, 30, 42, -1).build()), 0);
    }

    @Test
    void absentWithoutUsage() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).build())));
    }
}
