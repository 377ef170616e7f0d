package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PrefillThroughputPerUserMetricTest {
    private final PrefillThroughputPerUserMetric m = new PrefillThroughputPerUserMetric();

    @Test
    void islOverTtftSeconds() {
        // 300 tokens in 250 ms -> 1200 tokens/sec
        assertEquals(1200, m.value(TestRecord.startAt(1000).chunk(1250).tokens(300, 4, 0).build()), 1e-9);
    }

    @Test
    void tagAndFlags() {
        assertEquals("prefill_throughput_per_user", m.tag());
        assertTrue(m.def().has(MetricFlag.STREAMING_ONLY));
        assertTrue(m.def().has(MetricFlag.LARGER_IS_BETTER));
    }
}
