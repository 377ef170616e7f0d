package dev.redline.runner.plot.data;

import java.util.Map;
import java.util.List;

/**
 * One series of a {@code server_metrics_export.json} (Redline's or AIPerf's): the metric's name, type and
 * unit, the series' endpoint and labels, its window statistics, its cumulative buckets (histograms) and its
 * timeslices ({@code --slice-duration}; empty without).
 */
public record ServerMetricSeries(String name, String type, String unit, String endpoint, Map<String, String> labels,
                                 Map<String, Double> stats, Map<String, Double> buckets, List<Slice> slices) {
    public ServerMetricSeries {
        labels = Map.copyOf(labels);
        stats = Map.copyOf(stats);
        buckets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buckets));
        slices = List.copyOf(slices);
    }

    /**
     * One timeslice: its window (epoch ns), whether it covers the whole slice duration, its numbers (counter:
     * total, rate; gauge: avg, min, max; histogram: count, sum, avg) and, for histograms, its cumulative buckets
     * keyed by {@code le} in the file's order.
     */
    public record Slice(long startNs, long endNs, boolean complete, Map<String, Double> values, Map<String, Double> buckets) {
        public Slice {
            values = Map.copyOf(values);
            buckets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buckets));
        }

        public double value(String key) {
            Double v = values.get(key);
            return v == null ? Double.NaN : v;
        }
    }

    public boolean isHistogram() { return "histogram".equalsIgnoreCase(type); }

    public boolean isCounter() { return "counter".equalsIgnoreCase(type); }
}
