package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.redline.runner.metrics.Runs.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** network_rtt and network_adjusted_* from the accumulator's per-record values (AIPerf's max(latency - rtt, 0)). */
class NetworkAdjustmentTest {
    private static RecordMetricsAccumulator run() {
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(Runs.CHAT_STREAMING);
        // request latencies 3, 10 and 40 ms; TTFTs 1, 6 and 20 ms
        acc.add(TestRecord.startAt(1000).chunks(1001, 1003).build());
        acc.add(TestRecord.startAt(2000).chunks(2006, 2010).build());
        acc.add(TestRecord.startAt(3000).chunks(3020, 3040).build());
        return acc;
    }

    @Test
    void eachRecordIsShiftedByTheRttAndClampedAtZero() {
        RecordMetricsAccumulator acc = run();
        acc.networkRtt(5);
        BenchmarkResults res = acc.results();
        Stats latency = stats(res, "network_adjusted_request_latency");
        assertEquals(0, latency.min(), 1e-9, "3 ms - 5 ms is clamped at 0");
        assertEquals(35, latency.max(), 1e-9);
        assertEquals((0 + 5 + 35) / 3.0, latency.avg(), 1e-9, "not the raw mean minus 5: one record was clamped");
        assertEquals(3, latency.count());
        Stats ttft = stats(res, "network_adjusted_time_to_first_token");
        assertEquals(List.of(0.0, 1.0, 15.0), List.of(ttft.min(), ttft.p50(), ttft.max()));
        assertEquals(15, stats(res, "network_adjusted_time_to_first_output_token").max(), 1e-9);
        Stats rtt = stats(res, "network_rtt");
        assertEquals(5, rtt.avg(), 0);
        assertEquals(0, rtt.std(), 0);
        assertEquals(1, rtt.count());
        assertEquals(40, stats(res, "request_latency").max(), 1e-9, "the raw metrics are kept");
        assertTrue(res.metric("network_adjusted_time_to_second_token").isEmpty());
    }

    @Test
    void consoleOrderPutsEachAdjustedMetricAfterItsSource() {
        RecordMetricsAccumulator acc = run();
        acc.networkRtt(0.25);
        List<String> tags = acc.results().metrics().stream().map(MetricResult::tag).toList();
        assertEquals(tags.indexOf("time_to_first_token") + 1, tags.indexOf("network_adjusted_time_to_first_token"));
        assertEquals(tags.indexOf("request_latency") + 1, tags.indexOf("network_adjusted_request_latency"));
        assertTrue(tags.indexOf("network_rtt") > tags.indexOf("network_adjusted_request_latency"));
    }

    @Test
    void noRttNoAdjustedMetrics() {
        for (double rtt : new double[] {0, -1, Double.NaN}) {
            RecordMetricsAccumulator acc = run();
            acc.networkRtt(rtt);
            assertFalse(acc.results().metrics().stream().anyMatch(m -> m.tag().startsWith("network_")), "rtt " + rtt);
        }
    }
}
