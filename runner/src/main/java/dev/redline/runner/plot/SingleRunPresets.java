package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotAxis;
import dev.redline.api.v1alpha1.PlotPreset;
import dev.redline.api.validate.Suggestions;
import dev.redline.runner.BadInputException;
import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricRegistry;
import dev.redline.runner.metrics.MetricType;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.data.GpuFieldNames;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.single.AiperfLabels;
import dev.redline.runner.plot.single.DispersedThroughput;
import dev.redline.runner.plot.single.DualAxisOverTime;
import dev.redline.runner.plot.single.RequestAxis;
import dev.redline.runner.plot.single.RequestMetricAgainstX;
import dev.redline.runner.plot.single.RequestMetricOverTime;
import dev.redline.runner.plot.single.RequestTimeline;
import dev.redline.runner.plot.single.ServerMetricArea;
import dev.redline.runner.plot.single.ServerMetricBands;
import dev.redline.runner.plot.single.ServerMetricBuckets;
import dev.redline.runner.plot.single.TimesliceBars;
import dev.redline.runner.plot.single.TimesliceMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A single-run preset (AIPerf's {@code single_run_plots} entry) as the builder of its type, or why Redline does not
 * draw it; a value its type cannot use (a metric it has no data for, a missing axis) is a one-line error naming the
 * preset's field.
 */
final class SingleRunPresets {
    private static final String AT = "plot.visualization.single_run_plots.";
    private static final Map<String, ToDoubleFunction<RequestPoint>> PER_REQUEST = Map.of(
            "time_to_first_token", RequestPoint::ttftMs, "inter_token_latency", RequestPoint::itlMs, "request_latency", RequestPoint::latencyMs);
    private static final Set<String> DISPERSED_THROUGHPUT = Set.of("throughput_tokens_per_sec", "output_token_throughput");
    private static final String DUAL_AXIS_METRICS = "throughput_tokens_per_sec, active_requests, a GPU field (nvidia_gpu_utilization, "
            + "nvidia_power_usage, nvidia_memory_used, ...) or a per-request metric (request_latency, time_to_first_token, ...)";

    private SingleRunPresets() { }

    /** The preset's builder, or null when Redline does not draw it ({@link #notDrawn} says why). */
    static PlotBuilder<SingleRunData> builder(String name, PlotPreset p) {
        if (notDrawn(p) != null) return null;
        String title = p.getTitle();
        String y = metric(p.getY());
        return switch (p.getType()) {
            case "request_timeline" -> new RequestTimeline(name, title != null ? title : name);
            case "timeslice" -> new TimesliceMetric(name, tag(y), title != null ? title : name);
            case "scatter", "scatter_line" -> {
                String tag = tag(y);
                String axis = MetricRegistry.find(tag).map(MetricDef::header).orElse(tag) + " (ms)";
                yield new RequestMetricOverTime(name, title != null ? title : name, axis, PER_REQUEST.get(tag));
            }
            case "area" -> {
                if (serverMetric(p, p.getY())) yield new ServerMetricArea(name, title, y);
                if (DISPERSED_THROUGHPUT.contains(y)) yield new DispersedThroughput(name, title != null ? title : name);
                yield RequestMetricAgainstX.area(name, title, requestX(name, p), perRequest(name, "y", y, "area"));
            }
            case "scatter_with_percentiles" ->
                    RequestMetricAgainstX.withPercentiles(name, title, requestX(name, p), perRequest(name, "y", y, "scatter_with_percentiles"));
            case "dual_axis" -> new DualAxisOverTime(name, title, dualAxisMetric(name, "y", p.getY()), dualAxisMetric(name, "y2", p.getY2()),
                    p.getPrimaryStyle(), p.getSecondaryStyle(), p.getSupplementaryCol());
            case "percentile_bands" -> new ServerMetricBands(name, title, y);
            case "histogram" -> serverMetric(p, p.getY()) ? new ServerMetricBuckets(name, title, y) : new TimesliceBars(name, title, timesliceMetric(name, y), stat(p),
                    Boolean.TRUE.equals(p.getUseSliceDuration()));
            default -> throw new IllegalStateException("no builder for drawn type " + p.getType());
        };
    }

    /** Why the preset is not drawn, or null when it is. */
    static String notDrawn(PlotPreset p) {
        if (p == null || p.getType() == null) return "it has no type";
        String y = metric(p.getY());
        return switch (p.getType()) {
            case "request_timeline", "dual_axis" -> null;
            case "timeslice", "scatter_with_percentiles" -> y == null ? "it has no y" : null;
            case "scatter", "scatter_line" -> y != null && PER_REQUEST.containsKey(tag(y)) ? null
                    : "Redline draws scatter/scatter_line presets of TTFT, ITL or request latency over one run";
            case "area", "histogram", "percentile_bands" -> y == null ? "it has no y" : null;
            default -> "Redline draws " + p.getType() + " presets across runs only";
        };
    }

    /** AIPerf infers the source server_metrics from Prometheus-style names (vllm:..., *_total) or takes it as given. */
    private static boolean serverMetric(PlotPreset p, PlotAxis axis) {
        String source = axis.getSource() != null ? axis.getSource() : p.getSource();
        if (source != null) return source.startsWith("server_metrics");
        String m = axis.getMetric();
        return m.contains(":") || m.matches("^(vllm|sglang|trtllm|dynamo|dcgm|http|process|node|container)_.*") || m.endsWith("_total")
                || m.endsWith("_bucket") || m.endsWith("_seconds");
    }

    private static String requestX(String name, PlotPreset p) {
        String x = metric(p.getX());
        if (x == null) return RequestAxis.TIMESTAMP;
        if (!RequestAxis.NAMES.contains(x)) {
            throw new BadInputException(AT + name + ".x: '" + x + "' is not an x a " + p.getType() + " plot draws per request"
                    + Suggestions.didYouMean(x, RequestAxis.NAMES) + "; use timestamp, timestamp_s or request_number");
        }
        return x;
    }

    private static String perRequest(String name, String field, String metric, String type) {
        String tag = tag(metric);
        if (AiperfLabels.perRequest(tag)) return tag;
        throw new BadInputException(AT + name + "." + field + ": '" + metric + "' is not a per-request metric, which a " + type
                + " plot draws" + Suggestions.didYouMean(metric, recordMetrics()) + "; use one of the records' metrics (request_latency, "
                + "time_to_first_token, inter_token_latency, output_sequence_length, ...)");
    }

    private static String dualAxisMetric(String name, String field, PlotAxis axis) {
        if (axis == null || axis.getMetric() == null) {
            throw new BadInputException(AT + name + "." + field + ": missing; a dual_axis plot needs y and y2 (e.g. y: throughput_tokens_per_sec, "
                    + "y2: nvidia_gpu_utilization)");
        }
        String m = axis.getMetric();
        String tag = tag(m);
        if (DualAxisOverTime.drawable(tag)) return tag;
        List<String> known = new ArrayList<>(recordMetrics());
        known.addAll(List.of("throughput_tokens_per_sec", "active_requests"));
        known.addAll(GpuFieldNames.names());
        throw new BadInputException(AT + name + "." + field + ": '" + m + "' is not a metric a dual_axis plot draws"
                + Suggestions.didYouMean(m, known) + "; use " + DUAL_AXIS_METRICS);
    }

    private static String timesliceMetric(String name, String metric) {
        String tag = tag(metric);
        if (MetricRegistry.find(tag).isPresent()) return tag;
        throw new BadInputException(AT + name + ".y: '" + metric + "' is not a metric of the time slices" + Suggestions.didYouMean(metric,
                recordMetrics()) + "; use a metric tag or AIPerf's column name (Time to First Token, Inter Token Latency, Request Latency, "
                + "Request Throughput)");
    }

    /** The statistic of a histogram: the preset's stat, else the y's (request_latency_p90), else avg. */
    private static String stat(PlotPreset p) {
        return p.getStat() != null ? p.getStat() : p.getY().getStat();
    }

    private static List<String> recordMetrics() {
        return MetricRegistry.all().stream().filter(d -> d.type() == MetricType.RECORD).map(MetricDef::tag).toList();
    }

    private static String metric(PlotAxis a) {
        return a == null ? null : a.getMetric();
    }

    /** A metric's tag from its tag or its display name (AIPerf's time-slice columns, e.g. "Time to First Token"). */
    static String tag(String metric) {
        if (MetricRegistry.find(metric).isPresent()) return metric;
        for (MetricDef d : MetricRegistry.all()) if (d.header().equalsIgnoreCase(metric.trim())) return d.tag();
        return metric;
    }
}
