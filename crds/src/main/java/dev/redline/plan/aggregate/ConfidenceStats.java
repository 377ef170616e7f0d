package dev.redline.plan.aggregate;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;

/**
 * One statistic (e.g. {@code time_to_first_token_p99}) over the successful runs, as AIPerf reports it:
 * mean, sample std (n-1), min, max, {@code cv = std/mean} (infinite when the mean is 0), {@code se =
 * std/sqrt(n)} and the Student-t interval {@code mean -/+ t*se} with {@code t = t.ppf(1-(1-level)/2, n-1)}.
 * A single run gives std, cv and se 0, the interval collapsed to the mean and {@code t_critical} NaN.
 */
public record ConfidenceStats(double mean, double std, double min, double max, double cv, double se,
                              double ciLow, double ciHigh, double tCritical, String unit) {

    public static ConfidenceStats of(List<Double> values, double confidenceLevel, String unit) {
        int n = values.size();
        if (n == 0) throw new IllegalArgumentException("no values");
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        if (n == 1) return new ConfidenceStats(mean, 0, min, max, 0, 0, mean, mean, Double.NaN, unit);
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        double std = Math.sqrt(ss / (n - 1));
        double cv = mean != 0 ? std / mean : Double.POSITIVE_INFINITY;
        double se = std / Math.sqrt(n);
        double t = tCritical(confidenceLevel, n - 1);
        return new ConfidenceStats(mean, std, min, max, cv, se, mean - t * se, mean + t * se, t, unit);
    }

    /** The two-sided Student-t quantile for {@code level} with {@code df} degrees of freedom. */
    public static double tCritical(double level, int df) {
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** True when {@code value} lies in [ciLow, ciHigh]. */
    public boolean contains(double value) {
        return value >= ciLow && value <= ciHigh;
    }
}
