package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.api.v1alpha1.PlotPreset;
import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricRegistry;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.data.MultiRunData;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.discover.PlotMode;
import dev.redline.runner.plot.multi.PresetAcrossRuns;
import dev.redline.runner.plot.single.DispersedThroughput;
import dev.redline.runner.plot.single.RequestMetricOverTime;
import dev.redline.runner.plot.single.RequestTimeline;
import dev.redline.runner.plot.single.TimesliceMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The plots a config defines by name (AIPerf's {@code plot.visualization.*_plots}), as builders beside the built-in
 * ones. A preset named like a built-in plot is the built-in plot. Across runs: scatter, scatter_line and pareto of
 * summary statistics, and latency_throughput_uncertainty (means with their confidence ellipses); over one run:
 * timeslice, request_timeline, area of the dispersed output throughput, and scatter/scatter_line of a per-request
 * metric (TTFT, ITL, request latency) over the run. Other types and metrics are read and validated but not drawn; {@link #notDrawn} says which.
 */
final class PresetPlots {
    private static final Map<String, ToDoubleFunction<RequestPoint>> PER_REQUEST = Map.of(
            "time_to_first_token", RequestPoint::ttftMs, "inter_token_latency", RequestPoint::itlMs, "request_latency", RequestPoint::latencyMs);

    /** AIPerf's Gantt view of each request (TTFT, then generation); its y names the phase split, always TTFT. */
    private static final String REQUEST_TIMELINE = "request_timeline";
    /** An area preset is drawn for the one area AIPerf defines: output tokens/s spread over each request's decode. */
    private static final String AREA = "area";
    private static final java.util.Set<String> DISPERSED_THROUGHPUT = java.util.Set.of("throughput_tokens_per_sec", "output_token_throughput");

    private PresetPlots() { }

    static List<PlotBuilder<MultiRunData>> acrossRuns(PlotSpec spec) {
        List<PlotBuilder<MultiRunData>> out = new ArrayList<>();
        presets(spec, PlotMode.MULTI_RUN).forEach((name, p) -> {
            if (drawable(name, p, PlotMode.MULTI_RUN)) out.add(new PresetAcrossRuns(name, p));
        });
        return out;
    }

    static List<PlotBuilder<SingleRunData>> overOneRun(PlotSpec spec) {
        List<PlotBuilder<SingleRunData>> out = new ArrayList<>();
        presets(spec, PlotMode.SINGLE_RUN).forEach((name, p) -> {
            if (!drawable(name, p, PlotMode.SINGLE_RUN)) return;
            String title = p.getTitle() != null ? p.getTitle() : name;
            String tag = tag(p.getY().getMetric());
            if (p.getType().equals(REQUEST_TIMELINE)) {
                out.add(new RequestTimeline(name, title));
            } else if (p.getType().equals(AREA)) {
                out.add(new DispersedThroughput(name, title));
            } else if (p.getType().equals("timeslice")) {
                out.add(new TimesliceMetric(name, tag, title));
            } else {
                String axis = MetricRegistry.find(tag).map(MetricDef::header).orElse(tag) + " (ms)";
                out.add(new RequestMetricOverTime(name, title, axis, PER_REQUEST.get(tag)));
            }
        });
        return out;
    }

    /** The defined plots of the mode that are not drawn, each with why (one line each). */
    static List<String> notDrawn(PlotSpec spec, PlotMode mode) {
        List<String> out = new ArrayList<>();
        presets(spec, mode).forEach((name, p) -> {
            if (builtIn(name, mode) || drawable(name, p, mode)) return;
            out.add("plot '" + name + "' (type " + p.getType() + ") is not drawn: Redline draws "
                    + (mode == PlotMode.MULTI_RUN ? "scatter, scatter_line, pareto and latency_throughput_uncertainty presets of summary metrics across runs"
                    : "timeslice and request_timeline presets, area presets of throughput_tokens_per_sec, and scatter/scatter_line presets of TTFT, ITL or request latency, over one run"));
        });
        return out;
    }

    /** The names the config defines for the mode (for --plot and the defaults). */
    static List<String> names(PlotSpec spec, PlotMode mode) {
        return new ArrayList<>(presets(spec, mode).keySet());
    }

    private static Map<String, PlotPreset> presets(PlotSpec spec, PlotMode mode) {
        if (spec == null || spec.getVisualization() == null) return Map.of();
        Map<String, PlotPreset> m = mode == PlotMode.SINGLE_RUN ? spec.getVisualization().getSingleRunPlots() : spec.getVisualization().getMultiRunPlots();
        return m == null ? Map.of() : m;
    }

    private static boolean builtIn(String name, PlotMode mode) {
        return (mode == PlotMode.SINGLE_RUN ? PlotNames.SINGLE_RUN : PlotNames.MULTI_RUN).contains(name);
    }

    private static boolean drawable(String name, PlotPreset p, PlotMode mode) {
        if (builtIn(name, mode) || p == null || p.getType() == null || p.getY() == null) return false;
        if (mode == PlotMode.MULTI_RUN) return p.getX() != null && PresetAcrossRuns.TYPES.contains(p.getType());
        if (p.getType().equals("timeslice") || p.getType().equals(REQUEST_TIMELINE)) return true;
        if (p.getType().equals(AREA)) return DISPERSED_THROUGHPUT.contains(p.getY().getMetric());
        return (p.getType().equals("scatter") || p.getType().equals("scatter_line")) && PER_REQUEST.containsKey(tag(p.getY().getMetric()));
    }

    /** A metric's tag from its tag or its display name (AIPerf's time-slice columns, e.g. "Time to First Token"). */
    private static String tag(String metric) {
        if (MetricRegistry.find(metric).isPresent()) return metric;
        for (MetricDef d : MetricRegistry.all()) if (d.header().equalsIgnoreCase(metric.trim())) return d.tag();
        return metric;
    }
}
