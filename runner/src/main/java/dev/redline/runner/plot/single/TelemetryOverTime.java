package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.data.GpuSample;
import dev.redline.runner.plot.data.MetricStats;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.data.TimeSliceData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Server or GPU series over the run, one chart per panel and one series per endpoint/GPU and key: from
 * the server and GPU samples in Redline's time slices, or (GPU) from AIPerf's raw samples.
 */
public final class TelemetryOverTime implements PlotBuilder<SingleRunData> {
    /** A chart: its id, title, y axis and the headline keys it shows (requests_running, gpu_power_usage, ...). */
    public record Panel(String id, String title, String axis, List<String> keys) { }

    private final String name;
    private final boolean gpu;
    private final List<Panel> panels;

    private TelemetryOverTime(String name, boolean gpu, List<Panel> panels) {
        this.name = name;
        this.gpu = gpu;
        this.panels = panels;
    }

    public static TelemetryOverTime server(String name, List<Panel> panels) {
        return new TelemetryOverTime(name, false, panels);
    }

    public static TelemetryOverTime gpu(String name, List<Panel> panels) {
        return new TelemetryOverTime(name, true, panels);
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<Chart> charts = new ArrayList<>();
        for (Panel panel : panels) {
            List<Series> series = fromSlices(data, panel);
            if (series.isEmpty() && gpu) series = fromSamples(data, panel);
            if (series.isEmpty()) continue;
            boolean switchable = series.stream().allMatch(Series::dependsOnStat);
            List<String> stats = switchable ? List.copyOf(series.get(0).byStat().keySet()) : List.of();
            charts.add(new Chart(panel.id(), name, panel.title(), Axis.linear("Time since start (s)"), Axis.linear(panel.axis()),
                    series, stats, Stats.AVG));
        }
        return charts;
    }

    private List<Series> fromSlices(SingleRunData data, Panel panel) {
        Function<TimeSliceData, Map<String, Map<String, MetricStats>>> source = gpu ? TimeSliceData::gpu : TimeSliceData::server;
        Map<String, Map<String, List<Point>>> byName = new LinkedHashMap<>(); // series -> stat -> points
        for (TimeSliceData s : data.slices()) {
            double t = data.seconds(s.startNs());
            source.apply(s).forEach((owner, fields) -> {
                for (String key : panel.keys()) {
                    MetricStats m = fields.get(key);
                    if (m == null) continue;
                    Map<String, List<Point>> stats = byName.computeIfAbsent(seriesName(owner, key, panel), k -> new LinkedHashMap<>());
                    for (String stat : Stats.SWITCHABLE) {
                        Double v = m.values().get(stat);
                        if (v != null) stats.computeIfAbsent(stat, k -> new ArrayList<>()).add(Point.of(t, v));
                    }
                }
            });
        }
        List<Series> out = new ArrayList<>();
        byName.forEach((series, stats) -> out.add(stats.size() > 1 ? new Series(series, SeriesStyle.LINE_MARKERS, stats)
                : Series.of(series, SeriesStyle.LINE_MARKERS, stats.values().iterator().next())));
        return out;
    }

    private List<Series> fromSamples(SingleRunData data, Panel panel) {
        Map<String, List<Point>> byName = new LinkedHashMap<>();
        for (GpuSample g : data.gpuSamples()) {
            if (panel.keys().contains(g.field())) {
                byName.computeIfAbsent(seriesName(g.gpu(), g.field(), panel), k -> new ArrayList<>())
                        .add(Point.of(data.seconds(g.timestampNs()), g.value()));
            }
        }
        List<Series> out = new ArrayList<>();
        byName.forEach((series, points) -> out.add(Series.of(series, SeriesStyle.LINE, points)));
        return out;
    }

    /** The owner (GPU or endpoint) alone when the panel shows one key, else "owner key". */
    private static String seriesName(String owner, String key, Panel panel) {
        return panel.keys().size() == 1 ? owner : owner + " " + key.replace('_', ' ');
    }
}
