package dev.redline.runner.metrics;

import java.util.Arrays;

/**
 * AIPerf's statistics: percentiles by linear interpolation at index {@code q/100*(n-1)} of the sorted
 * values (NumPy's default), population standard deviation (ddof 0), mean = sum / n.
 */
public final class Statistics {
    private Statistics() {}

    /** Stats over the first {@code n} values (the array is not modified); null when n == 0. */
    public static Stats of(double[] values, int n) {
        if (n == 0) return null;
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) sum += v;
        double mean = sum / n;
        double sq = 0;
        for (double v : s) sq += (v - mean) * (v - mean);
        double std = Math.sqrt(sq / n);
        return new Stats(mean, s[0], s[n - 1], percentile(s, n, 1), percentile(s, n, 5), percentile(s, n, 10),
                percentile(s, n, 25), percentile(s, n, 50), percentile(s, n, 75), percentile(s, n, 90),
                percentile(s, n, 95), percentile(s, n, 99), std, n, sum);
    }

    /** Linear-interpolated percentile of the first {@code n} sorted values. */
    public static double percentile(double[] sorted, int n, double q) {
        double idx = q / 100.0 * (n - 1);
        int lo = (int) Math.floor(idx);
        int hi = Math.min(lo + 1, n - 1);
        double frac = idx - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
