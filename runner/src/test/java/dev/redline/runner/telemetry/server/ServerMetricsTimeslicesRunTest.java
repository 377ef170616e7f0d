package dev.redline.runner.telemetry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --slice-duration} in a real profile run against the mock server: every series of
 * server_metrics_export.json carries AIPerf's timeslices, which tile the profiling window, add up to the
 * window's totals from the same file, flag the partial last slice, and give the counters' rate statistics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerMetricsTimeslicesRunTest {
    private static final long SLICE_NS = 500_000_000L;
    JsonNode export;
    long windowStart;
    long windowEnd;

    @BeforeAll
    void profile() throws IOException {
        Path run = Files.createTempDirectory("redline-sm-slices").resolve("run");
        int code = RedlineCli.execute("profile", "--mock-server", "--streaming", "--concurrency", "4", "--benchmark-duration", "2.2",
                "--isl", "32", "--osl", "16", "--slice-duration", "0.5", "--server-metrics-interval", "0.1", "--ui-type", "none",
                "--artifact-dir", run.toString());
        assertEquals(0, code, "profile against the mock");
        export = new ObjectMapper().readTree(run.resolve(ServerMetricsExport.JSON_FILE).toFile());
        JsonNode range = export.path("summary").path("phase_time_ranges").path("profiling");
        windowStart = range.path("start_ns").asLong();
        windowEnd = range.path("end_ns").asLong();
        assertTrue(windowEnd - windowStart > 2 * SLICE_NS, export.path("summary").toString());
    }

    private JsonNode series(String metric) {
        JsonNode s = export.path("metrics").path(metric).path("series").path(0);
        assertFalse(s.isMissingNode(), metric + " in " + export.path("metrics").fieldNames());
        return s;
    }

    /** Slices from the window's start, each where the last ended, 0.5 s each but the last, which ends the window. */
    private void assertTiles(JsonNode slices, boolean gapsAllowed) {
        assertTrue(slices.size() >= 3, slices.toString());
        long expectedStart = windowStart;
        for (int i = 0; i < slices.size(); i++) {
            JsonNode s = slices.get(i);
            long start = s.path("start_ns").asLong();
            long end = s.path("end_ns").asLong();
            if (gapsAllowed) {
                assertEquals(0, (start - windowStart) % SLICE_NS, "slice " + i + " on the grid");
            } else {
                assertEquals(expectedStart, start, "slice " + i + " starts where the last ended");
            }
            boolean last = i == slices.size() - 1;
            if (!last || windowEnd - start >= SLICE_NS) {
                assertEquals(SLICE_NS, end - start, "slice " + i + " is 0.5 s");
                assertTrue(s.path("is_complete").isMissingNode(), "a complete slice has no is_complete (AIPerf): " + s);
            } else {
                assertEquals(windowEnd, end, "the partial slice ends the window");
                assertFalse(s.path("is_complete").asBoolean(true), "the partial slice says so: " + s);
            }
            expectedStart = end;
        }
        if (!gapsAllowed) assertEquals(windowEnd, slices.get(slices.size() - 1).path("end_ns").asLong());
    }

    @Test
    void counterSlicesTileTheWindowAddUpToItsTotalAndGiveTheRateStatistics() {
        JsonNode s = series("vllm:generation_tokens_total");
        assertEquals("counter", export.path("metrics").path("vllm:generation_tokens_total").path("type").asText());
        JsonNode slices = s.path("timeslices");
        assertTiles(slices, false);
        double sum = 0;
        List<Double> complete = new ArrayList<>();
        for (JsonNode t : slices) {
            double total = t.path("total").asDouble();
            double seconds = (t.path("end_ns").asLong() - t.path("start_ns").asLong()) / 1e9;
            assertEquals(total / seconds, t.path("rate").asDouble(), 1e-9 * Math.max(1, total), "rate = total / slice length");
            sum += total;
            if (t.path("is_complete").isMissingNode()) complete.add(t.path("rate").asDouble());
        }
        JsonNode stats = s.path("stats");
        assertTrue(stats.path("total").asDouble() > 0, stats.toString());
        assertEquals(stats.path("total").asDouble(), sum, 1e-6, "the slices add up to the window's total");
        double mean = complete.stream().mapToDouble(d -> d).average().orElseThrow();
        double sq = complete.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
        assertEquals(mean, stats.path("rate_avg").asDouble(), 1e-6, "rate_avg over the complete slices");
        assertEquals(complete.stream().mapToDouble(d -> d).min().orElseThrow(), stats.path("rate_min").asDouble(), 1e-9);
        assertEquals(complete.stream().mapToDouble(d -> d).max().orElseThrow(), stats.path("rate_max").asDouble(), 1e-9);
        assertEquals(Math.sqrt(sq / (complete.size() - 1)), stats.path("rate_std").asDouble(), 1e-6, "sample std (ddof 1)");
    }

    @Test
    void histogramSlicesCountEveryObservationOnceWithCumulativeBuckets() {
        JsonNode s = series("vllm:time_to_first_token_seconds");
        JsonNode slices = s.path("timeslices");
        assertTiles(slices, false);
        long count = 0;
        double sum = 0;
        for (JsonNode t : slices) {
            long c = t.path("count").asLong();
            count += c;
            sum += t.path("sum").asDouble();
            assertEquals(c, t.path("buckets").path("+Inf").asLong(), "cumulative buckets end at the slice's count: " + t);
            if (c > 0) assertEquals(t.path("sum").asDouble() / c, t.path("avg").asDouble(), 1e-12);
        }
        assertTrue(count > 0);
        assertEquals(s.path("stats").path("count").asDouble(), count, 1e-9, "the slices add up to the window's count");
        assertEquals(s.path("stats").path("sum").asDouble(), sum, 1e-9);
        assertEquals(s.path("stats").path("count").asDouble(), s.path("buckets").path("+Inf").asDouble(), 1e-9,
                "the series' buckets are cumulative too (AIPerf)");
    }

    @Test
    void gaugeSlicesHoldTheSamplesOfTheirWindow() {
        JsonNode s = series("vllm:num_requests_running");
        JsonNode slices = s.path("timeslices");
        assertTiles(slices, true); // a slice without a sample is left out (AIPerf)
        double max = 0;
        for (JsonNode t : slices) {
            assertTrue(t.path("min").asDouble() <= t.path("avg").asDouble() && t.path("avg").asDouble() <= t.path("max").asDouble(), t.toString());
            max = Math.max(max, t.path("max").asDouble());
        }
        assertEquals(s.path("stats").path("max").asDouble(), max, 1e-9, "the slices' max is the window's");
        assertTrue(max >= 1, "requests were running");
    }

    @Test
    void theSummaryListsTheEndpointsAsAiperfDoes() {
        JsonNode summary = export.path("summary");
        assertEquals(1, summary.path("endpoints_configured").size());
        assertTrue(summary.path("endpoints_configured").get(0).asText().endsWith("/metrics"), summary.toString());
        assertEquals(summary.path("endpoints_configured"), summary.path("endpoints_successful"));
        assertEquals("profiling", export.path("metrics_phase").asText());
    }
}
