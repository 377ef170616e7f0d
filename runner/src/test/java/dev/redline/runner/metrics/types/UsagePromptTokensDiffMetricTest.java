package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class UsagePromptTokensDiffMetricTest {
    private final UsagePromptTokensDiffMetric m = new UsagePromptTokensDiffMetric();

    @Test
    void absolutePercentOfIsl() {
        assertEquals(5, m.value(TestRecord.startAt(1000).chunk(1020).tokens(100, 10, 0).usage(105, 10, 115, -1).build()), 1e-9);
        assertEquals(5, m.value(TestRecord.startAt(1000).chunk(1020).tokens(100, 10, 0).usage(95, 10, 105, -1).build()), 1e-9);
    }

    @Test
    void absentForZeroIslOrNoUsage() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(0, 10, 0).usage(5, 10, 15, -1).build())));
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(100, 10, 0).build())));
    }

    @Test
    void offWithServerTokenCounts() {
        assertFalse(m.def().enabledFor(new MetricsContext(EndpointType.CHAT, true, null, true)));
        assertTrue(m.def().enabledFor(new MetricsContext(EndpointType.CHAT, true, null, false)));
    }
}
