package dev.redline.runner.telemetry.series;

/** What one scrape saw for one series. */
public sealed interface Observation permits Observation.Scalar, Observation.Histogram, Observation.Summary {

    /** Counter, gauge or untyped value. */
    record Scalar(double value) implements Observation { }

    /** Cumulative buckets sorted by upper bound (the last is +Inf when the server wrote it). */
    record Histogram(double[] upperBounds, double[] cumulativeCounts, double sum, double count) implements Observation { }

    /** Quantiles as the server computed them, plus sum and count. */
    record Summary(double[] quantiles, double[] values, double sum, double count) implements Observation { }
}
