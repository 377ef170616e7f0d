package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class GoodRequestCountMetricTest {
    @Test
    void countsRecordsMeetingAllSlos() {
        var ctx = withGoodput(Map.of("time_to_first_token", 50.0, "request_latency", 200.0));
        BenchmarkResults res = results(ctx,
                TestRecord.startAt(1000).chunks(1040, 1150).build(),   // good
                TestRecord.startAt(1000).chunks(1050, 1200).build(),   // good: thresholds inclusive
                TestRecord.startAt(1000).chunks(1060, 1100).build(),   // TTFT too slow
                TestRecord.startAt(1000).chunks(1010, 1300).build());  // latency too slow
        assertEquals(2, value(res, GoodRequestCountMetric.TAG), 0);
    }

    @Test
    void absentWithoutSlos() {
        assertTrue(results(TestRecord.startAt(1000).chunk(1010).build()).metric(GoodRequestCountMetric.TAG).isEmpty());
    }
}
