package dev.redline.runner.metrics.types;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class GoodputMetricTest {
    @Test
    void goodRequestsPerSecondLargerIsBetterUsesGreaterOrEqual() {
        // output_token_throughput_per_user >= 100: first ITL 10 ms (100/s, good), second 20 ms (50/s, bad)
        var ctx = withGoodput(Map.of("output_token_throughput_per_user", 100.0));
        BenchmarkResults res = results(ctx,
                TestRecord.startAt(1000).chunks(1010, 1110).tokens(5, 11, 0).build(),
                TestRecord.startAt(1000).chunks(1010, 1210).tokens(5, 11, 0).build(),
                TestRecord.startAt(1000).chunks(1010, 1500).tokens(5, 50, 0).build());
        // third: ITL (500 - 10) / 49 = 10 ms -> good; duration 1000..1500 ms = 0.5 s -> 2 / 0.5 = 4 requests/sec
        assertEquals(2, value(res, GoodRequestCountMetric.TAG), 0);
        assertEquals(4.0, value(res, GoodputMetric.TAG), 1e-9);
    }

    @Test
    void recordWithoutSloValueIsNotGood() {
        var ctx = withGoodput(Map.of("inter_token_latency", 1000.0));
        BenchmarkResults res = results(ctx, TestRecord.startAt(1000).chunk(1010).tokens(5, 1, 0).build());
        assertEquals(0, value(res, GoodRequestCountMetric.TAG), 0);
    }

    @Test
    void slosOnMetricsThisRunCannotProduceAreIgnored() {
        var ctx = new MetricsContext(EndpointType.CHAT, false, Map.of("time_to_first_token", 1.0), false);
        BenchmarkResults res = results(ctx, TestRecord.startAt(1000).chunk(1500).tokens(5, 3, 0).build());
        assertEquals(1, value(res, GoodRequestCountMetric.TAG), 0);
    }

    @Test
    void everyInterChunkGapMustPass() {
        var ctx = withGoodput(Map.of("inter_chunk_latency", 30.0));
        BenchmarkResults res = results(ctx,
                TestRecord.startAt(1000).chunks(1010, 1040, 1070).build(), // gaps 30, 30: good
                TestRecord.startAt(1000).chunks(1010, 1020, 1051).build(), // gap 31: not good
                TestRecord.startAt(1000).chunk(1010).build());             // no gaps: not good
        assertEquals(1, value(res, GoodRequestCountMetric.TAG), 0);
    }

    @Test
    void unknownTagIsRejected() {
        var ctx = withGoodput(Map.of("time_to_frist_token", 1.0));
        var e = assertThrows(IllegalArgumentException.class, () -> results(ctx));
        assertTrue(e.getMessage().contains("time_to_frist_token"));
    }
}
