package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EffectiveLatencyMetricTest {
    private final EffectiveLatencyMetric m = new EffectiveLatencyMetric();

    @Test
    void endMinusIntendedSend() {
        // scheduled at 990, sent at 1000 (10 ms queued), stream ends at 1130
        var r = TestRecord.startAt(1000).intendedAt(990).chunks(1020, 1120).end(1130).build();
        assertEquals(140, m.value(r), 1e-9);
    }

    @Test
    void absentWithoutIntendedSend() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).build())));
    }
}
