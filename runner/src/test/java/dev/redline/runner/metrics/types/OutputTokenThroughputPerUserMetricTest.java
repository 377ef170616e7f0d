package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OutputTokenThroughputPerUserMetricTest {
    private final OutputTokenThroughputPerUserMetric m = new OutputTokenThroughputPerUserMetric();

    @Test
    void inverseOfItlInSeconds() {
        // ITL = (120 - 20) / (11 - 1) = 10 ms -> 100 tokens/sec/user
        var r = TestRecord.startAt(1000).chunks(1020, 1120).tokens(5, 11, 0).build();
        assertEquals(100, m.value(r), 1e-9);
    }

    @Test
    void absentWhenItlAbsentOrZero() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunks(1020, 1120).tokens(5, 1, 0).build())));
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 4, 0).build())));
    }

    @Test
    void largerIsBetter() {
        assertTrue(m.def().has(MetricFlag.LARGER_IS_BETTER));
        assertEquals("tokens/sec/user", m.def().unit().label());
    }
}
