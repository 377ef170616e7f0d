package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RequestLatencyMetricTest {
    private final RequestLatencyMetric m = new RequestLatencyMetric();

    @Test
    void lastContentChunkNotEndOfStream() {
        var r = TestRecord.startAt(1000).chunks(1010, 1020, 1080).end(1095).build();
        assertEquals(80, m.value(r), 1e-9);
    }

    @Test
    void nonStreamingSingleBody() {
        assertEquals(250.125, m.value(TestRecord.startAt(1000).chunk(1250.125).build()), 1e-9);
    }

    @Test
    void allEndpoints() {
        assertTrue(m.def().enabledFor(MetricsContext.of(EndpointType.EMBEDDINGS, false)));
        assertEquals(300, m.def().displayOrder());
    }
}
