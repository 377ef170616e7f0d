package dev.redline.runner.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.SeriesStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's server-metric presets (percentile_bands, histogram and area of a Prometheus series) drawn from the
 * server_metrics_export.json of a real run against the mock server and of a real AIPerf 0.13 run: each chart's points
 * against the file's own slices and buckets (percentiles recomputed here by Prometheus' interpolation), each PNG decoded,
 * the dashboard written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerMetricPresetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    Path base;
    Path run;

    @BeforeAll
    void profile() throws IOException {
        base = Files.createTempDirectory("redline-server-presets");
        run = base.resolve("run");
        int code = RedlineCli.execute("profile", "--mock-server", "--streaming", "--concurrency", "4", "--benchmark-duration", "2.2",
                "--isl", "32", "--osl", "16", "--slice-duration", "0.5", "--server-metrics-interval", "0.1", "--ui-type", "none",
                "--artifact-dir", run.toString());
        assertEquals(0, code, "profile against the mock");
    }

    private PlotResult plot(Path dir, String out) throws IOException {
        return Plotter.run(new PlotRequest(List.of(dir), base.resolve(out), PresetTypesTest.config("server-metric-presets.yaml"), List.of()));
    }

    private static Map<String, Chart> byId(List<Chart> charts) {
        return charts.stream().collect(Collectors.toMap(Chart::id, Function.identity()));
    }

    @Test
    void redlinesExportDrawsEveryServerMetricPreset() throws IOException {
        PlotResult r = plot(run, "redline");
        assertEquals(List.of(), r.notDrawn());
        assertEquals(List.of("ttft_bands", "running_bands", "tokens_bands", "ttft_buckets", "tokens_area"),
                r.charts().stream().map(Chart::id).toList());
        for (Path png : r.pngs()) PngRendererTest.assertRealImage(png);
        assertTrue(Files.isRegularFile(r.dashboard()), "the dashboard is written");
        JsonNode export = JSON.readTree(run.resolve("server_metrics_export.json").toFile());
        Map<String, Chart> c = byId(r.charts());

        assertHistogramBands(c.get("ttft_bands"), series(export, "vllm:time_to_first_token_seconds"));
        assertGaugeBands(c.get("running_bands"), series(export, "vllm:num_requests_running"));
        assertEquals("Running requests", c.get("running_bands").title(), "the preset's title");

        // a counter: its rate per slice, one line
        Chart tokens = c.get("tokens_bands");
        assertEquals(1, tokens.series().size());
        List<Double> rates = new ArrayList<>();
        series(export, "vllm:generation_tokens_total").path("timeslices").forEach(t -> rates.add(t.path("rate").asDouble()));
        assertEquals(rates, tokens.series().get(0).points(tokens.defaultStat()).stream().map(Point::y).toList());
        assertTrue(rates.stream().anyMatch(v -> v > 0));

        // histogram of the window's cumulative buckets against their bounds (+Inf in the title)
        Chart buckets = c.get("ttft_buckets");
        JsonNode ttft = series(export, "vllm:time_to_first_token_seconds");
        List<Point> bars = buckets.series("Observations").points(buckets.defaultStat());
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ttft.path("buckets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            if (b.getKey().equals("+Inf")) {
                assertTrue(buckets.title().endsWith("(+Inf: " + b.getValue().asLong() + ")"), buckets.title());
                continue;
            }
            assertEquals(Double.parseDouble(b.getKey()), bars.get(i).x(), 1e-12);
            assertEquals(b.getValue().asDouble(), bars.get(i++).y(), 1e-9);
        }
        assertEquals(i, bars.size());
        assertTrue(buckets.x().log());

        // area: the counter's rate per slice, filled
        Chart area = c.get("tokens_area");
        assertEquals(SeriesStyle.AREA, area.series().get(0).style());
        assertEquals(rates, area.series().get(0).points(area.defaultStat()).stream().map(Point::y).toList());
    }

    @Test
    void aiperfsOwnExportIsDrawnToo() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/plot/aiperf/server-slices").toURI());
        PlotResult r = plot(dir, "aiperf");
        Map<String, Chart> c = byId(r.charts());
        for (Path png : r.pngs()) PngRendererTest.assertRealImage(png);
        JsonNode export = JSON.readTree(dir.resolve("server_metrics_export.json").toFile());
        assertHistogramBands(c.get("ttft_bands"), series(export, "vllm:time_to_first_token_seconds"));
        assertGaugeBands(c.get("running_bands"), series(export, "vllm:num_requests_running"));
        // AIPerf types the mock's *_total counters unknown and gives them gauge slices: drawn as a gauge
        assertGaugeBands(c.get("tokens_bands"), series(export, "vllm:generation_tokens_total"));
        assertTrue(c.containsKey("ttft_buckets"), c.keySet().toString());
    }

    private static JsonNode series(JsonNode export, String metric) {
        JsonNode s = export.path("metrics").path(metric).path("series").path(0);
        assertFalse(s.path("timeslices").isEmpty(), metric + " has timeslices");
        return s;
    }

    /** p50 line and the p50–p95, p95–p99 bands per slice, recomputed from the slice's cumulative buckets. */
    private static void assertHistogramBands(Chart chart, JsonNode series) {
        List<Point> median = chart.series("p50 (median)").points(chart.defaultStat());
        List<Point> upper = chart.series("p95–p99 band").points(chart.defaultStat());
        List<Point> lower = chart.series("p50–p95 band").points(chart.defaultStat());
        JsonNode slices = series.path("timeslices");
        assertEquals(slices.size(), median.size());
        int withObservations = 0;
        for (int i = 0; i < slices.size(); i++) {
            JsonNode t = slices.get(i);
            double p50, p95, p99;
            if (t.path("count").asLong() > 0) {
                p50 = prometheusQuantile(0.50, t.path("buckets"));
                p95 = prometheusQuantile(0.95, t.path("buckets"));
                p99 = prometheusQuantile(0.99, t.path("buckets"));
                withObservations++;
            } else {
                p50 = p95 = p99 = t.path("avg").asDouble();
            }
            assertEquals(p50, median.get(i).y(), 1e-12, "p50 of slice " + i);
            assertEquals(p95, upper.get(i).low(), 1e-12);
            assertEquals(p99, upper.get(i).high(), 1e-12);
            assertEquals(p50, lower.get(i).low(), 1e-12);
            assertEquals(p95, lower.get(i).high(), 1e-12);
            double since = (mid(t) - mid(slices.get(0))) / 1e9;
            assertEquals(since, median.get(i).x() - median.get(0).x(), 1e-6, "slice " + i + " at its midpoint");
        }
        assertTrue(withObservations >= 2, "slices with observations: " + withObservations);
    }

    private static long mid(JsonNode slice) {
        return (slice.path("start_ns").asLong() + slice.path("end_ns").asLong()) / 2;
    }

    private static void assertGaugeBands(Chart chart, JsonNode series) {
        List<Point> band = chart.series("min–max band").points(chart.defaultStat());
        List<Point> avg = chart.series("avg").points(chart.defaultStat());
        JsonNode slices = series.path("timeslices");
        assertEquals(slices.size(), band.size());
        for (int i = 0; i < slices.size(); i++) {
            assertEquals(slices.get(i).path("min").asDouble(), band.get(i).low(), 1e-12);
            assertEquals(slices.get(i).path("max").asDouble(), band.get(i).high(), 1e-12);
            assertEquals(slices.get(i).path("avg").asDouble(), avg.get(i).y(), 1e-12);
        }
    }

    /** Prometheus' histogram_quantile over cumulative buckets keyed by le (written here from its documentation). */
    static double prometheusQuantile(double q, JsonNode buckets) {
        double total = buckets.path("+Inf").asDouble();
        double rank = q * total;
        double prevBound = 0;
        double prevCount = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = buckets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            double count = b.getValue().asDouble();
            if (b.getKey().equals("+Inf")) return prevBound;
            double bound = Double.parseDouble(b.getKey());
            if (count >= rank) return prevBound + (bound - prevBound) * (rank - prevCount) / (count - prevCount);
            prevBound = bound;
            prevCount = count;
        }
        return prevBound;
    }
}
