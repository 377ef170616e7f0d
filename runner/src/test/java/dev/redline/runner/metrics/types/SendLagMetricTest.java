package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendLagMetricTest {
    private final SendLagMetric m = new SendLagMetric();

    @Test
    void actualMinusIntendedSend() {
        // scheduled at 990, sent at 1000.5: 10.5 ms late
        var r = TestRecord.startAt(1000.5).intendedAt(990).chunks(1020, 1120).end(1130).build();
        assertEquals(10.5, m.value(r), 1e-9);
    }

    @Test
    void absentWithoutIntendedSend() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).build())));
    }
}
