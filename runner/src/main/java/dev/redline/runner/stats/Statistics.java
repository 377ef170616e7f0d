package dev.redline.runner.stats;

import java.util.Arrays;

/**
 * AIPerf's statistics: percentiles by linear interpolation at index {@code q/100*(n-1)} of the sorted
 * values (NumPy's default), mean = sum / n, and the standard deviation AIPerf uses for the kind of data:
 * population (ddof 0) for inference metrics and trace statistics, sample (ddof 1) for telemetry gauges.
 */
public final class Statistics {
    /** The percentiles AIPerf exports, in order. */
    public static final double[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    private Statistics() {}

    /** Stats over the first {@code n} values with population std (the array is not modified); null when n == 0. */
    public static Stats of(double[] values, int n) {
        if (n == 0) return null;
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return sorted(s, 0);
    }

    /**
     * Telemetry stats: NaN samples dropped, sample std (ddof 1, 0 for a single sample). Never null: with no
     * samples every figure is NaN and the count 0, so a gauge that was never scraped still has a row.
     */
    public static Stats sample(double[] values) {
        double[] s = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) return Stats.EMPTY;
        return sorted(s, 1);
    }

    private static Stats sorted(double[] s, int ddof) {
        int n = s.length;
        double sum = 0;
        for (double v : s) sum += v;
        double mean = sum / n;
        double sq = 0;
        for (double v : s) sq += (v - mean) * (v - mean);
        double std = n > ddof ? Math.sqrt(sq / (n - ddof)) : 0.0;
        return new Stats(mean, s[0], s[n - 1], percentile(s, n, 1), percentile(s, n, 5), percentile(s, n, 10),
                percentile(s, n, 25), percentile(s, n, 50), percentile(s, n, 75), percentile(s, n, 90),
                percentile(s, n, 95), percentile(s, n, 99), std, n, sum);
    }

    /** Linear-interpolated percentile of the first {@code n} sorted values. */
    public static double percentile(double[] sorted, int n, double q) {
        if (n == 0) return Double.NaN;
        double idx = q / 100.0 * (n - 1);
        int lo = (int) Math.floor(idx);
        int hi = Math.min(lo + 1, n - 1);
        double frac = idx - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
