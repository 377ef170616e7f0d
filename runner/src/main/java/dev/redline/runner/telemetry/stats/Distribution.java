package dev.redline.runner.telemetry.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Telemetry statistics of a set of samples, AIPerf's way: mean, min, max, sample std (ddof = 1, as
 * AIPerf uses for telemetry) and percentiles by linear interpolation at index q/100 * (n - 1).
 * NaN samples are ignored.
 */
public record Distribution(int count, double avg, double min, double max, double std,
                           double p1, double p5, double p10, double p25, double p50,
                           double p75, double p90, double p95, double p99) {

    public static final double[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    public static Distribution of(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            double nan = Double.NaN;
            return new Distribution(0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        double sum = 0;
        for (double d : v) sum += d;
        double avg = sum / n;
        double sq = 0;
        for (double d : v) sq += (d - avg) * (d - avg);
        double std = n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0;
        return new Distribution(n, avg, v[0], v[n - 1], std,
                percentile(v, 1), percentile(v, 5), percentile(v, 10), percentile(v, 25), percentile(v, 50),
                percentile(v, 75), percentile(v, 90), percentile(v, 95), percentile(v, 99));
    }

    /** NumPy "linear" percentile of sorted values. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double idx = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        if (lo == hi) return sorted[lo];
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - lo);
    }

    /** The stats as an ordered map for exports (NaN becomes null there). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("avg", num(avg));
        m.put("min", num(min));
        m.put("max", num(max));
        m.put("std", num(std));
        m.put("p1", num(p1));
        m.put("p5", num(p5));
        m.put("p10", num(p10));
        m.put("p25", num(p25));
        m.put("p50", num(p50));
        m.put("p75", num(p75));
        m.put("p90", num(p90));
        m.put("p95", num(p95));
        m.put("p99", num(p99));
        return m;
    }

    static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
