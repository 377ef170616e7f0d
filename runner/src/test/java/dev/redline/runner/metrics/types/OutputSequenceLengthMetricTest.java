package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OutputSequenceLengthMetricTest {
    private final OutputSequenceLengthMetric m = new OutputSequenceLengthMetric();

    @Test
    void outputPlusReasoning() {
        assertEquals(130, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 100, 30).build()), 0);
    }

    @Test
    void missingReasoningCountsAsZero() {
        assertEquals(100, m.value(TestRecord.startAt(1000).chunk(1020).tokens(5, 100, -1).build()), 0);
    }

    @Test
    void absentForEmbeddings() {
        assertFalse(m.def().enabledFor(MetricsContext.of(EndpointType.EMBEDDINGS, false)));
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1020).build())));
    }
}
