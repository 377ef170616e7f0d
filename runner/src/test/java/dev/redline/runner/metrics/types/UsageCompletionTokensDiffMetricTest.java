package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class UsageCompletionTokensDiffMetricTest {
    private final UsageCompletionTokensDiffMetric m = new UsageCompletionTokensDiffMetric();

    @Test
    void absolutePercentOfOsl() {
        // OSL = 40 + 10 = 50; server says 55 -> 10 %
        assertEquals(10, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 40, 10).usage(5, 55, 60, -1).build()), 1e-9);
        assertEquals(4, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 40, 10).usage(5, 48, 53, -1).build()), 1e-9);
    }

    @Test
    void absentForZeroOsl() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 0, 0).usage(5, 3, 8, -1).build())));
    }
}
