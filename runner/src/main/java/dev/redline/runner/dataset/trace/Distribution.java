package dev.redline.runner.dataset.trace;

import java.util.List;

/** Summary of a list of values: mean, population stddev, min, max and NumPy-style (linear) percentiles. */
public record Distribution(long count, double mean, double stddev, double min, double p25, double p50, double p75,
                           double p90, double p99, double max) {

    public static Distribution of(List<? extends Number> values) {
        if (values.isEmpty()) return null;
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double sum = 0;
        for (double x : v) sum += x;
        double mean = sum / v.length;
        double sq = 0;
        for (double x : v) sq += (x - mean) * (x - mean);
        return new Distribution(v.length, mean, Math.sqrt(sq / v.length), v[0], pct(v, 25), pct(v, 50), pct(v, 75),
                pct(v, 90), pct(v, 99), v[v.length - 1]);
    }

    /** Linear interpolation between closest ranks (NumPy's default). */
    static double pct(double[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
