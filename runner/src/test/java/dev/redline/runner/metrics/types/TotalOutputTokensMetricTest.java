package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class TotalOutputTokensMetricTest {
    @Test
    void sumOfNonReasoningTokens() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).tokens(1, 100, 20).build(),
                TestRecord.startAt(1000).chunk(1010).tokens(1, 30, 5).build());
        assertEquals(130, value(res, TotalOutputTokensMetric.TAG), 0);
    }
}
