package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DecodeDurationMetricTest {
    private final DecodeDurationMetric m = new DecodeDurationMetric();

    @Test
    void latencyMinusTtft() {
        assertEquals(95.5, m.value(TestRecord.startAt(1000).chunks(1020, 1050, 1115.5).build()), 1e-9);
    }

    @Test
    void zeroForSingleChunk() {
        assertEquals(0, m.value(TestRecord.startAt(1000).chunk(1020).build()), 1e-9);
    }
}
