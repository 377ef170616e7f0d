package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InterChunkLatencyMetricTest {
    private final InterChunkLatencyMetric m = new InterChunkLatencyMetric();

    @Test
    void gapsBetweenConsecutiveChunks() {
        assertArrayEquals(new double[] {50, 60, 0.5},
                m.values(TestRecord.startAt(1000).chunks(1100, 1150, 1210, 1210.5).build()), 1e-9);
    }

    @Test
    void absentWithOneChunk() {
        assertNull(m.values(TestRecord.startAt(1000).chunk(1100).build()));
    }

    @Test
    void hiddenListMetric() {
        assertTrue(m.def().has(MetricFlag.HIDDEN));
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunks(1100, 1150).build())));
    }
}
