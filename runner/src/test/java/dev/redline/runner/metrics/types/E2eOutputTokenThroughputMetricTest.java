package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class E2eOutputTokenThroughputMetricTest {
    private final E2eOutputTokenThroughputMetric m = new E2eOutputTokenThroughputMetric();

    @Test
    void oslOverLatencySeconds() {
        // OSL 40 + 10 = 50 tokens over 500 ms -> 100 tokens/sec
        assertEquals(100, m.value(TestRecord.startAt(1000).chunk(1500).tokens(3, 40, 10).build()), 1e-9);
    }

    @Test
    void worksWithoutStreaming() {
        assertEquals("tokens/sec/user", m.def().unit().label());
        assertEquals(510, m.def().displayOrder());
        assertTrue(m.def().enabledFor(MetricsContext.of(EndpointType.CHAT, false)));
        assertFalse(m.def().enabledFor(MetricsContext.of(EndpointType.EMBEDDINGS, false)));
    }

    @Test
    void absentBeforeTokenCounting() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).chunk(1500).build())));
    }
}
