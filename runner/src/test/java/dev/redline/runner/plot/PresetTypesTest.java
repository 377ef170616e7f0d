package dev.redline.runner.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.discover.RunDiscovery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's single-run preset types drawn from a real run against the mock server (with its simulated DCGM
 * exporter): each chart's points against numbers the test reads from the run's own files, each PNG decoded, and
 * AIPerf's default plot config drawn with nothing left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresetTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    Path base;
    Path run;

    @BeforeAll
    void profile() throws IOException {
        base = Files.createTempDirectory("redline-preset-types");
        run = base.resolve("run");
        int code = RedlineCli.execute("profile", "--mock-server", "--streaming", "--concurrency", "4", "--benchmark-duration", "3",
                "--isl", "32", "--osl", "16", "--slice-duration", "0.5", "--gpu-telemetry-interval", "0.25", "--ui-type", "none",
                "--artifact-dir", run.toString());
        assertEquals(0, code, "profile against the mock");
    }

    static PlotSpec config(String resource) {
        try {
            return PlotConfigFile.read(Path.of(PresetTypesTest.class.getResource("/plot/" + resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private PlotResult plot(PlotSpec spec, String out) throws IOException {
        return Plotter.run(new PlotRequest(List.of(run), base.resolve(out), spec, List.of()));
    }

    private static Map<String, Chart> byId(List<Chart> charts) {
        return charts.stream().collect(Collectors.toMap(Chart::id, Function.identity()));
    }

    @Test
    void aiperfsDefaultConfigDrawsEveryDefaultPlotIncludingTheDualAxisOne() throws IOException {
        PlotResult r = plot(config("aiperf-default-plot-config.yaml"), "default");
        assertEquals(List.of(), r.notDrawn(), "nothing of AIPerf's default config is left out");
        assertEquals(List.of("ttft_over_time", "ttft_timeline", "timeslices_ttft", "timeslices_itl", "gpu_utilization_and_throughput_over_time"),
                r.charts().stream().map(Chart::id).toList());
        for (Path png : r.pngs()) PngRendererTest.assertRealImage(png);

        Chart dual = byId(r.charts()).get("gpu_utilization_and_throughput_over_time");
        assertEquals("Output Token Throughput with GPU Utilization", dual.title());
        assertEquals("Time (s)", dual.x().label());
        assertEquals("Throughput Tokens Per Sec", dual.y().label());
        assertEquals("NVIDIA GPU Utilization (%)", dual.y2().label());
        Series throughput = dual.series().get(0);
        Series gpu = dual.series().get(1);
        assertFalse(throughput.secondary());
        assertTrue(gpu.secondary(), "the GPU utilisation is on the right axis");
        assertEquals(SeriesStyle.STEP, throughput.style(), "primary_style line_shape hv");
        assertEquals(SeriesStyle.AREA, gpu.style(), "secondary_style fill tozeroy");

        // the throughput: each request's output tokens spread from its first token to its end, as read from the records here
        List<double[]> expected = dispersed(run.resolve("profile_export.jsonl"), sliceFile().path("timeslices").get(0).path("start_ns").asLong());
        List<Point> got = throughput.points("avg");
        assertEquals(expected.size(), got.size());
        // events at the same instant may come in either order; after the last of them the totals agree
        for (int i = 0; i < got.size(); i++) {
            assertEquals(expected.get(i)[0], got.get(i).x(), 1e-6, "time of step " + i);
            if (i + 1 < got.size() && Math.abs(expected.get(i + 1)[0] - expected.get(i)[0]) < 1e-9) continue;
            assertEquals(expected.get(i)[1], got.get(i).y(), 1e-6 * Math.max(1, expected.get(i)[1]), "tokens/s of step " + i);
            assertEquals("Active Requests: " + (int) expected.get(i)[2], got.get(i).label(), "supplementary_col active_requests");
        }
        assertTrue(got.stream().anyMatch(p -> p.y() > 0));

        // the GPU utilisation: per time slice, the mean over the mock's GPUs of the slice's average
        Map<Double, Double> perSlice = gpuUtilisationPerSlice();
        assertFalse(perSlice.isEmpty(), "the mock's DCGM exporter was scraped into the slices");
        assertEquals(new ArrayList<>(perSlice.values()), gpu.points("avg").stream().map(Point::y).toList());
    }

    @Test
    void everyOtherSingleRunTypeIsDrawnFromTheRunsFiles() throws IOException {
        PlotResult r = plot(config("preset-types.yaml"), "types");
        Map<String, Chart> c = byId(r.charts());
        assertEquals(List.of("latency_percentiles", "latency_area", "ttft_bars", "power_vs_latency", "server_bands"),
                r.charts().stream().map(Chart::id).toList());
        for (Path png : r.pngs()) PngRendererTest.assertRealImage(png);
        assertEquals(List.of(), r.notDrawn(), "percentile_bands of a server metric is drawn (ServerMetricPresetsTest checks its points)");

        // scatter_with_percentiles: every successful request at its end since the first end, rolling p50/p95/p99 of 10
        List<double[]> latency = perRequest("request_latency");
        Chart pct = c.get("latency_percentiles");
        assertEquals("Time (seconds)", pct.x().label());
        assertEquals("Request Latency (ms)", pct.y().label());
        List<Point> points = pct.series("Individual Requests").points("avg");
        assertEquals(latency.size(), points.size());
        assertEquals(latency.stream().map(p -> p[1]).toList(), points.stream().map(Point::y).toList());
        double[] last10 = latency.subList(latency.size() - 10, latency.size()).stream().mapToDouble(p -> p[1]).sorted().toArray();
        List<Point> p50 = pct.series("P50").points("avg");
        assertEquals((last10[4] + last10[5]) / 2, p50.get(p50.size() - 1).y(), 1e-9, "median of the last 10");
        List<Point> p99 = pct.series("P99").points("avg");
        assertEquals(last10[8] + 0.91 * (last10[9] - last10[8]), p99.get(p99.size() - 1).y(), 1e-9, "p99 interpolated as pandas");

        // area of a per-request metric against request_number, filled
        Chart area = c.get("latency_area");
        assertEquals("Request Latency Over Time", area.title());
        assertEquals(SeriesStyle.AREA, area.series().get(0).style());
        assertEquals(latency.size(), area.series().get(0).points("avg").size());
        assertEquals("Request #", area.x().label(), "the preset's x_label");
        assertEquals("Request Latency (ms)", area.y().label());

        // histogram: a bar per slice of the slice's TTFT average, over i*d..(i+1)*d, and the run's average line
        Chart bars = c.get("ttft_bars");
        Map<Integer, Double> sliceTtft = new TreeMap<>(); // slice index -> its TTFT avg (a slice may have no request)
        int index = 0;
        for (JsonNode s : sliceFile().path("timeslices")) {
            if (s.path("time_to_first_token").path("avg").isNumber()) sliceTtft.put(index, s.path("time_to_first_token").path("avg").asDouble());
            index++;
        }
        assertTrue(sliceTtft.size() >= 4, "several slices: " + sliceTtft);
        List<Point> outline = bars.series("avg per time slice").points("avg");
        sliceTtft.forEach((i, v) -> {
            int at = outline.indexOf(Point.of(i * 0.5, v));
            assertTrue(at >= 0, "slice " + i + "'s bar starts at " + i * 0.5 + " s with its TTFT " + v + ": " + outline);
            assertEquals(Point.of((i + 1) * 0.5, v), outline.get(at + 1), "and ends a slice later");
        });
        assertEquals(0.0, outline.get(outline.size() - 1).y(), "the last bar closes at zero");
        double runAvg = JSON.readTree(run.resolve("profile_export_redline.json").toFile()).path("time_to_first_token").path("avg").asDouble();
        String avgLabel = String.format(Locale.ROOT, "Run Average: %.2f ms", runAvg);
        assertEquals(List.of(runAvg, runAvg), bars.series(avgLabel).points("avg").stream().map(Point::y).toList());
        assertEquals("Avg Over Time", bars.title(), "AIPerf's default title of a histogram");

        // dual_axis of a per-request metric (markers) and the GPU power (a step) on the second axis
        Chart dual = c.get("power_vs_latency");
        assertEquals("Request Latency (ms) with NVIDIA GPU Power Usage (W)", dual.title());
        assertEquals(SeriesStyle.SCATTER, dual.series().get(0).style());
        assertEquals(SeriesStyle.STEP, dual.series().get(1).style());
        assertTrue(dual.series().get(1).secondary());
        assertEquals(latency.size(), dual.series().get(0).points("avg").size());
    }

    @Test
    void aValueItsTypeCannotUseIsOneLineNamingTheField() throws IOException {
        assertBad("plot.visualization.single_run_plots.d.y2: missing; a dual_axis plot needs y and y2",
                "d: {type: dual_axis, x: timestamp_s, y: throughput_tokens_per_sec}");
        assertBad("plot.visualization.single_run_plots.d.y2: 'nvidia_gpu_utilisation' is not a metric a dual_axis plot draws "
                + "(did you mean 'nvidia_gpu_utilization'?)", "d: {type: dual_axis, y: throughput_tokens_per_sec, y2: nvidia_gpu_utilisation}");
        assertBad("plot.visualization.single_run_plots.s.y: 'request_latncy' is not a per-request metric",
                "s: {type: scatter_with_percentiles, x: timestamp, y: request_latncy}");
        assertBad("plot.visualization.single_run_plots.s.x: 'timestamp_ns' is not an x a scatter_with_percentiles plot draws per request",
                "s: {type: scatter_with_percentiles, x: timestamp_ns, y: request_latency}");
        assertBad("plot.visualization.single_run_plots.h.y: 'Time To First Tokens' is not a metric of the time slices",
                "h: {type: histogram, x: Timeslice, y: Time To First Tokens}");
    }

    private void assertBad(String fragment, String preset) throws IOException {
        Path file = base.resolve("bad.yaml");
        Files.writeString(file, "plot:\n  visualization:\n    single_run_plots:\n      " + preset + "\n");
        PlotSpec spec = PlotConfigFile.read(file);
        BadInputException e = assertThrows(BadInputException.class,
                () -> Plotter.charts(new PlotRequest(List.of(run), null, spec, List.of()), RunDiscovery.discover(List.of(run))));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /** {time since the first send or slice, tokens/s, requests generating} after each start or end of a decode. */
    private static List<double[]> dispersed(Path records, long firstSlice) throws IOException {
        List<double[]> events = new ArrayList<>();
        long origin = firstSlice;
        for (String line : Files.readAllLines(records)) {
            JsonNode r = JSON.readTree(line);
            origin = Math.min(origin, r.path("metadata").path("request_start_ns").asLong());
            if (!r.path("error").isNull() && !r.path("error").isMissingNode()) continue;
            long start = r.path("metadata").path("request_start_ns").asLong();
            long end = r.path("metadata").path("request_end_ns").asLong();
            long first = start + (long) (r.path("metrics").path("time_to_first_token").path("value").asDouble() * 1e6);
            double tokens = r.path("metrics").path("output_sequence_length").path("value").asDouble();
            if (end <= first || tokens <= 0) continue;
            double rate = tokens / ((end - first) / 1e9);
            events.add(new double[]{first, rate, 1});
            events.add(new double[]{end, -rate, -1});
        }
        events.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> out = new ArrayList<>();
        double total = 0;
        int active = 0;
        for (double[] e : events) {
            total += e[1];
            active += (int) e[2];
            out.add(new double[]{(e[0] - origin) / 1e9, Math.max(0, total), active});
        }
        return out;
    }

    /** {end since the first end, value} of each success, in end order. */
    private List<double[]> perRequest(String tag) throws IOException {
        List<double[]> out = new ArrayList<>();
        long firstEnd = Long.MAX_VALUE;
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("profile_export.jsonl"))) records.add(JSON.readTree(line));
        for (JsonNode r : records) firstEnd = Math.min(firstEnd, r.path("metadata").path("request_end_ns").asLong());
        for (JsonNode r : records) {
            JsonNode v = r.path("metrics").path(tag).path("value");
            if (v.isNumber() && (r.path("error").isNull() || r.path("error").isMissingNode())) {
                out.add(new double[]{(r.path("metadata").path("request_end_ns").asLong() - firstEnd) / 1e9, v.asDouble()});
            }
        }
        out.sort((a, b) -> Double.compare(a[0], b[0]));
        return out;
    }

    private JsonNode sliceFile() throws IOException {
        return JSON.readTree(run.resolve("profile_export_redline_timeslices.json").toFile());
    }

    private Map<Double, Double> gpuUtilisationPerSlice() throws IOException {
        Map<Double, Double> out = new TreeMap<>();
        for (JsonNode s : sliceFile().path("timeslices")) {
            double[] sum = new double[2];
            s.path("gpu").forEach(g -> {
                if (g.path("gpu_utilization").path("avg").isNumber()) {
                    sum[0] += g.path("gpu_utilization").path("avg").asDouble();
                    sum[1]++;
                }
            });
            if (sum[1] > 0) out.put(s.path("start_ns").asDouble(), sum[0] / sum[1]);
        }
        return out;
    }

}
