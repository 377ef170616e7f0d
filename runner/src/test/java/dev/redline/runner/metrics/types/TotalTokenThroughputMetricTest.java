package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class TotalTokenThroughputMetricTest {
    @Test
    void inputPlusOutputTokensPerSecond() {
        // (10 + 30) ISL + (100 + 60) OSL = 200 tokens over 0.5 s -> 400 tokens/sec
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1300).tokens(10, 100, 0).build(),
                TestRecord.startAt(1100).chunk(1500).tokens(30, 60, 0).build());
        assertEquals(400, value(res, TotalTokenThroughputMetric.TAG), 1e-9);
    }
}
