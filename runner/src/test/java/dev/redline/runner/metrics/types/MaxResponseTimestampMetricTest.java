package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class MaxResponseTimestampMetricTest {
    @Test
    void latestSendPlusLatencyOfSuccessfulRecords() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunks(1010, 1700).end(1900).build(),
                TestRecord.startAt(1500).chunk(1600).build(),
                TestRecord.startAt(1800).fail(500, "Internal Server Error", "x").end(2500).build());
        // last content chunk, not end of stream; the error is ignored
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1700), res.maxResponseWallNs());
        assertEquals((double) res.maxResponseWallNs(), value(res, MaxResponseTimestampMetric.TAG), 0);
    }
}
