package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TimeToSecondTokenMetricTest {
    private final TimeToSecondTokenMetric m = new TimeToSecondTokenMetric();

    @Test
    void secondChunkMinusFirst() {
        assertEquals(14.25, m.value(TestRecord.startAt(1000).chunks(1020, 1034.25, 1050).build()), 1e-9);
    }

    @Test
    void absentWithOneChunk() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).build())));
    }

    @Test
    void streamingOnly() {
        assertTrue(m.def().has(MetricFlag.STREAMING_ONLY));
        assertFalse(m.def().enabledFor(MetricsContext.of(EndpointType.COMPLETIONS, false)));
    }
}
