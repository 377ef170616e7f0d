package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class OslMismatchCountMetricTest {
    @Test
    void thresholdIsMinOfFivePercentAndFiftyTokens() {
        BenchmarkResults res = results(
                TestRecord.startAt(1000).chunk(1010).tokens(1, 95, 0).maxTokens(100).build(),    // off 5 = 5 %: ok
                TestRecord.startAt(1000).chunk(1010).tokens(1, 94, 0).maxTokens(100).build(),    // off 6 > 5: counts
                TestRecord.startAt(1000).chunk(1010).tokens(1, 1950, 0).maxTokens(2000).build(), // off 50 = cap: ok
                TestRecord.startAt(1000).chunk(1010).tokens(1, 1949, 0).maxTokens(2000).build(), // off 51 > 50: counts
                TestRecord.startAt(1000).chunk(1010).tokens(1, 10, 0).build());                 // no max tokens
        assertEquals(2, value(res, OslMismatchCountMetric.TAG), 0);
        assertEquals(4, stats(res, OslMismatchDiffPctMetric.TAG).count());
    }

    @Test
    void absentWithoutMaxTokens() {
        assertTrue(results(TestRecord.startAt(1000).chunk(1010).tokens(1, 10, 0).build())
                .metric(OslMismatchCountMetric.TAG).isEmpty());
    }
}
