package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InterTokenLatencyMetricTest {
    private final InterTokenLatencyMetric m = new InterTokenLatencyMetric();

    @Test
    void decodeTimeOverOslMinusOne() {
        // TTFT 20 ms, latency 120 ms, OSL = 9 output + 2 reasoning = 11 -> 100 / 10
        var r = TestRecord.startAt(1000).chunks(1020, 1070, 1120).tokens(5, 9, 2).build();
        assertEquals(10, m.value(r), 1e-9);
    }

    @Test
    void absentBelowTwoTokens() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunks(1020, 1030).tokens(5, 1, 0).build())));
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunks(1020, 1030).build())));
    }

    @Test
    void exactlyTwoTokens() {
        assertEquals(7, m.value(TestRecord.startAt(1000).chunks(1020, 1027).tokens(5, 2, -1).build()), 1e-9);
    }
}
