package dev.redline.runner.telemetry.stats;

/**
 * Quantiles from cumulative histogram buckets, the way Prometheus' histogram_quantile does it: find the
 * bucket holding the rank and interpolate linearly inside it. The first bucket starts at 0 (or at its
 * own bound when that is negative); a rank in the +Inf bucket returns the last finite bound.
 */
public final class BucketQuantiles {
    private BucketQuantiles() { }

    /**
     * @param q              quantile in [0, 1]
     * @param upperBounds    sorted bucket upper bounds, the last usually +Inf
     * @param cumulative     cumulative counts per bound (non-decreasing)
     * @return the estimate, or NaN when there are no observations
     */
    public static double quantile(double q, double[] upperBounds, double[] cumulative) {
        int n = upperBounds.length;
        if (n == 0 || q < 0 || q > 1 || Double.isNaN(q)) return Double.NaN;
        double total = cumulative[n - 1];
        if (!(total > 0)) return Double.NaN;
        double rank = q * total;
        int b = 0;
        while (b < n - 1 && cumulative[b] < rank) b++;
        if (Double.isInfinite(upperBounds[b])) {
            // Everything above the last finite bound: Prometheus answers with that bound.
            return b > 0 ? upperBounds[b - 1] : Double.NaN;
        }
        double lower;
        double below;
        if (b == 0) {
            lower = upperBounds[0] <= 0 ? upperBounds[0] : 0.0;
            below = 0;
        } else {
            lower = upperBounds[b - 1];
            below = cumulative[b - 1];
        }
        double inBucket = cumulative[b] - below;
        if (inBucket <= 0) return upperBounds[b];
        return lower + (upperBounds[b] - lower) * ((rank - below) / inBucket);
    }
}
