package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InputSequenceLengthMetricTest {
    private final InputSequenceLengthMetric m = new InputSequenceLengthMetric();

    @Test
    void inputTokens() {
        assertEquals(550, m.value(TestRecord.startAt(1000).chunk(1020).tokens(550, 3, 0).build()), 0);
    }

    @Test
    void presentForEmbeddings() {
        assertTrue(m.def().enabledFor(MetricsContext.of(EndpointType.EMBEDDINGS, false)));
        assertEquals(700, m.def().displayOrder());
    }
}
