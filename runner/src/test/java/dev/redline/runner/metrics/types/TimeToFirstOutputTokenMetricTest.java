package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TimeToFirstOutputTokenMetricTest {
    private final TimeToFirstOutputTokenMetric m = new TimeToFirstOutputTokenMetric();

    @Test
    void skipsReasoningOnlyChunks() {
        var r = TestRecord.startAt(1000).reasoningChunk(1010).reasoningChunk(1020).chunk(1045).build();
        assertEquals(45, m.value(r), 1e-9);
    }

    @Test
    void equalsTtftWithoutReasoning() {
        var r = TestRecord.startAt(1000).chunks(1012, 1020).build();
        assertEquals(new TimeToFirstTokenMetric().value(r), m.value(r), 1e-9);
    }

    @Test
    void absentWhenOnlyReasoning() {
        assertTrue(Double.isNaN(m.value(TestRecord.startAt(1000).reasoningChunk(1010).build())));
    }
}
