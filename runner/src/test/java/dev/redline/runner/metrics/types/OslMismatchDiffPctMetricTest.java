package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OslMismatchDiffPctMetricTest {
    private final OslMismatchDiffPctMetric m = new OslMismatchDiffPctMetric();

    @Test
    void signedPercentOfRequested() {
        assertEquals(-20, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 160, 0).maxTokens(200).build()), 1e-9);
        assertEquals(2.5, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 200, 5).maxTokens(200).build()), 1e-9);
    }

    @Test
    void absentWithoutMaxTokens() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 160, 0).build())));
    }
}
