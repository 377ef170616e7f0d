package dev.redline.plan.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-request values of every run pooled into one population per metric
 * ({@code profile_export_redline_collated.json}, AIPerf's "detailed" aggregation): combined mean, std
 * (n-1) and linearly interpolated p50/p90/p95/p99, with each run's mean and count beside them.
 */
public record CollatedAggregate(Map<String, Metric> metrics, List<String> runLabels) {
    public record RunPart(String label, double mean, int count) { }

    public record Metric(double mean, double std, double p50, double p90, double p95, double p99, int count, List<RunPart> perRun) { }

    /** {@code samples}: run label -> metric tag -> that run's per-request values. */
    public static CollatedAggregate of(Map<String, Map<String, double[]>> samples) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, List<double[]>> byMetric = new LinkedHashMap<>();
        samples.forEach((label, metrics) -> metrics.forEach((tag, values) -> {
            if (values.length == 0) return;
            byMetric.computeIfAbsent(tag, t -> new ArrayList<>()).add(values);
            labels.computeIfAbsent(tag, t -> new ArrayList<>()).add(label);
        }));
        Map<String, Metric> out = new LinkedHashMap<>();
        byMetric.forEach((tag, runs) -> {
            double[] all = runs.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            List<RunPart> parts = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                parts.add(new RunPart(labels.get(tag).get(i), Arrays.stream(runs.get(i)).average().orElse(Double.NaN), runs.get(i).length));
            }
            double mean = Arrays.stream(all).average().orElse(Double.NaN);
            double ss = 0;
            for (double v : all) ss += (v - mean) * (v - mean);
            double std = all.length > 1 ? Math.sqrt(ss / (all.length - 1)) : 0;
            out.put(tag, new Metric(mean, std, percentile(all, 50), percentile(all, 90), percentile(all, 95),
                    percentile(all, 99), all.length, parts));
        });
        return new CollatedAggregate(out, List.copyOf(samples.keySet()));
    }

    /** numpy's default (linear) percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
