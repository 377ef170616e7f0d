package dev.redline.runner.plot;

import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.discover.PlotMode;
import dev.redline.runner.plot.discover.RunDiscovery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values: each single-run plot type's points from a run whose records and slices are known. */
class SingleRunChartsTest {
    private static final double EPS = 1e-9;
    @TempDir Path tmp;
    Path run;

    @BeforeEach
    void writeRun() throws IOException {
        run = tmp.resolve("run");
        PlotFixtures.summary(run, "m", 2, "request_throughput requests/sec 20");
        Files.write(run.resolve("profile_export.jsonl"), List.of(
                PlotFixtures.record(0, 100, 20, 5, 100, 17, null),
                PlotFixtures.record(50, 150, 30, 6, 100, 8, null),
                PlotFixtures.record(10, 60, 10, 4, 50, 11, null),
                PlotFixtures.record(30, 40, 0, 0, 0, 0, "Internal Server Error"),
                "{\"metadata\":{\"request_start_ns\":5,\"benchmark_phase\":\"warmup\"},\"metrics\":{},\"error\":null}"));
    }

    private Map<String, Chart> charts() {
        List<Chart> charts = Plotter.charts(new PlotRequest(List.of(run), null, null, List.of()), RunDiscovery.discover(List.of(run)));
        return charts.stream().collect(Collectors.toMap(Chart::id, Function.identity()));
    }

    @Test
    void requestMetricOverTimeHasOnePointPerSuccessAndARollingStatistic() {
        assertEquals(PlotMode.SINGLE_RUN, RunDiscovery.discover(List.of(run)).mode());
        Chart ttft = charts().get("ttft_over_time");
        assertPoints(List.of(Point.of(0, 20), Point.of(0.01, 10), Point.of(0.05, 30)), ttft.series("requests").points("avg"));
        Series rolling = ttft.series("rolling over 10 requests");
        assertEquals(List.of(20.0, 15.0, 20.0), ys(rolling.points("avg")));
        assertEquals(List.of(20.0, 15.0, 20.0), ys(rolling.points("p50")));
        assertEquals(29.8, rolling.points("p99").get(2).y(), 1e-9, "linear interpolation between ranks, as pandas");
        assertEquals(List.of("avg", "p50", "p90", "p95", "p99"), ttft.stats());
        assertEquals(List.of(100.0, 50.0, 100.0), ys(charts().get("latency_over_time").series("requests").points("avg")));
        assertEquals(List.of(5.0, 4.0, 6.0), ys(charts().get("itl_over_time").series("requests").points("avg")));
    }

    @Test
    void dispersedThroughputSpreadsEachRequestsTokensOverItsDecode() {
        List<Point> p = charts().get("dispersed_throughput_over_time").series("output tokens/s").points("avg");
        // request 0: 17 tokens over 20..100 ms = 212.5 tok/s; request 2: 11 over 20..60 ms = 275; request 1: 8 over 80..150 ms
        double r1 = 8 / 0.07;
        assertEquals(List.of(0.02, 0.02, 0.06, 0.08, 0.10, 0.15), xs(p));
        assertPoints(List.of(Point.of(0.02, 212.5), Point.of(0.02, 487.5), Point.of(0.06, 212.5), Point.of(0.08, 212.5 + r1),
                Point.of(0.10, r1), Point.of(0.15, 0)), p);
    }

    @Test
    void requestTimelineHasAPrefillAndADecodeBarPerSuccessAndAFailedBarPerError() {
        Chart t = charts().get("ttft_timeline");
        assertPoints(List.of(Point.of(0, 0), Point.of(0.02, 0), Point.BREAK, Point.of(0.01, 1), Point.of(0.02, 1), Point.BREAK,
                Point.of(0.05, 3), Point.of(0.08, 3)), t.series("waiting for first token").points("avg"));
        assertPoints(List.of(Point.of(0.02, 0), Point.of(0.10, 0), Point.BREAK, Point.of(0.02, 1), Point.of(0.06, 1), Point.BREAK,
                Point.of(0.08, 3), Point.of(0.15, 3)), t.series("generating").points("avg"));
        assertPoints(List.of(Point.of(0.03, 2), Point.of(0.04, 2)), t.series("failed").points("avg"));
    }

    @Test
    void timesliceAndTelemetryChartsFollowTheSlices() throws IOException {
        String slice = """
                {"timeslice_index":%d,"start_ns":%d,"end_ns":%d,
                 "time_to_first_token":{"unit":"ms","avg":%s,"min":1,"max":90,"p50":%s,"p90":40,"p95":45,"p99":49},
                 "request_throughput":{"unit":"requests/sec","avg":%s},
                 "server":{"http://s/metrics":{"requests_running":{"unit":"requests","avg":%s,"min":1,"max":9,"p50":4,"p99":5},
                                               "requests_waiting":{"unit":"requests","avg":1,"min":0,"max":2,"p50":1,"p99":2}}},
                 "gpu":{"GPU 0 H200":{"gpu_power_usage":{"unit":"W","avg":%s,"min":1,"max":500,"count":3}}}}""";
        Files.writeString(run.resolve("profile_export_redline_timeslices.json"), "{\"slice_duration_s\":1,\"timeslices\":["
                + slice.formatted(0, PlotFixtures.ns(-500), PlotFixtures.ns(500), 25, 24, 3, 4, 100) + ","
                + slice.formatted(1, PlotFixtures.ns(500), PlotFixtures.ns(1500), 30, 29, 1, 6, 300) + "]}");
        Map<String, Chart> c = charts();
        // the origin is now the first slice's start, 0.5 s before the first request
        Chart ttft = c.get("timeslices_ttft");
        assertPoints(List.of(Point.of(0, 25), Point.of(1, 30)), ttft.series("time_to_first_token").points("avg"));
        assertEquals(List.of(24.0, 29.0), ys(ttft.series("time_to_first_token").points("p50")));
        assertEquals(List.of(49.0, 49.0), ys(ttft.series("time_to_first_token").points("p99")));
        Chart tput = c.get("timeslices_throughput");
        assertEquals(List.of(3.0, 1.0), ys(tput.series("request_throughput").points("avg")));
        assertTrue(tput.stats().isEmpty(), "a scalar metric has no stat switcher");
        Chart server = c.get("server_requests_over_time");
        assertEquals(List.of(4.0, 6.0), ys(server.series("http://s/metrics requests running").points("avg")));
        assertEquals(List.of(4.0, 4.0), ys(server.series("http://s/metrics requests running").points("p50")));
        assertEquals(List.of(1.0, 1.0), ys(server.series("http://s/metrics requests waiting").points("avg")));
        assertPoints(List.of(Point.of(0, 100), Point.of(1, 300)), c.get("gpu_power_over_time").series("GPU 0 H200").points("avg"));
        assertFalse(c.containsKey("server_kv_cache_over_time"), "no KV-cache series in the slices, no chart");
        assertPoints(List.of(Point.of(0.5, 20), Point.of(0.51, 10), Point.of(0.55, 30)), c.get("ttft_over_time").series("requests").points("avg"));
    }

    @Test
    void gpuPlotsReadAiperfsRawSamples() throws IOException {
        String line = "{\"gpu_index\":%d,\"gpu_uuid\":\"GPU-%d\",\"gpu_model_name\":\"H200\",\"timestamp_ns\":%d,"
                + "\"telemetry_data\":{\"nvidia_power_usage\":%s,\"nvidia_gpu_utilization\":%s,\"nvidia_memory_used\":12.5}}";
        Files.write(run.resolve("gpu_telemetry_export.jsonl"), List.of(line.formatted(0, 0, PlotFixtures.ns(0), 75, 10),
                line.formatted(1, 1, PlotFixtures.ns(0), 80, 20), line.formatted(0, 0, PlotFixtures.ns(1000), 350, 90)));
        Map<String, Chart> c = charts();
        assertPoints(List.of(Point.of(0, 75), Point.of(1, 350)), c.get("gpu_power_over_time").series("GPU 0 H200 (GPU-0)").points("avg"));
        assertPoints(List.of(Point.of(0, 20)), c.get("gpu_utilization_over_time").series("GPU 1 H200 (GPU-1)").points("avg"));
        assertEquals(List.of(12.5, 12.5), ys(c.get("gpu_memory_over_time").series("GPU 0 H200 (GPU-0)").points("avg")));
    }

    @Test
    void aiperfRunPlotsOnePointPerSuccessfulRecord() throws IOException {
        Path aiperf = PlotFixtures.aiperf("single", tmp);
        List<Chart> charts = Plotter.charts(new PlotRequest(List.of(aiperf), null, null, List.of()), RunDiscovery.discover(List.of(aiperf)));
        Chart ttft = charts.stream().filter(c -> c.id().equals("ttft_over_time")).findFirst().orElseThrow();
        long successes = Files.readAllLines(aiperf.resolve("profile_export.jsonl")).stream().filter(l -> !l.contains("\"error\":{")).count();
        assertEquals(37, successes);
        assertEquals(successes, ttft.series("requests").points("avg").size());
        assertTrue(charts.stream().anyMatch(c -> c.id().equals("timeslices_ttft")), "AIPerf's time slices are read");
        Chart timeline = charts.stream().filter(c -> c.id().equals("ttft_timeline")).findFirst().orElseThrow();
        assertEquals(3 * 2 + 2, timeline.series("failed").points("avg").size(), "three errors: three bars of two points, two breaks");
    }

    static List<Double> ys(List<Point> p) {
        return p.stream().map(Point::y).toList();
    }

    static List<Double> xs(List<Point> p) {
        return p.stream().map(x -> Math.round(x.x() * 1e9) / 1e9).toList();
    }

    static void assertPoints(List<Point> expected, List<Point> actual) {
        assertEquals(expected.size(), actual.size(), "points: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Point e = expected.get(i);
            Point a = actual.get(i);
            if (e.isBreak()) {
                assertTrue(a.isBreak(), "point " + i + " should break the line: " + a);
                continue;
            }
            assertEquals(e.x(), a.x(), 1e-6, "x of point " + i + " in " + actual);
            assertEquals(e.y(), a.y(), 1e-6, "y of point " + i + " in " + actual);
        }
    }
}
