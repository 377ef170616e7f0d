package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TimeToFirstTokenMetricTest {
    private final TimeToFirstTokenMetric m = new TimeToFirstTokenMetric();

    @Test
    void firstContentChunkMinusStart() {
        assertEquals(25.5, m.value(TestRecord.startAt(1000).chunks(1025.5, 1040, 1060).build()), 1e-9);
    }

    @Test
    void reasoningChunkCountsAsFirstToken() {
        assertEquals(10, m.value(TestRecord.startAt(1000).reasoningChunk(1010).chunk(1030).build()), 1e-9);
    }

    @Test
    void streamingTokenEndpointsOnly() {
        assertEquals("time_to_first_token", m.tag());
        assertTrue(m.def().enabledFor(MetricsContext.of(EndpointType.CHAT, true)));
        assertFalse(m.def().enabledFor(MetricsContext.of(EndpointType.CHAT, false)));
        assertFalse(m.def().enabledFor(MetricsContext.of(EndpointType.EMBEDDINGS, false)));
        assertEquals("ms", m.def().unit().label());
    }
}
