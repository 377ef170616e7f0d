package dev.redline.runner.telemetry.series;

/** What one scrape saw for one series. */
public sealed interface Observation permits Observation.Scalar, Observation.Histogram, Observation.Summary {

    /** Whether {@code other} carries exactly the same numbers (records with arrays compare by reference). */
    default boolean sameAs(Observation other) {
        if (this instanceof Scalar a && other instanceof Scalar b) return Double.compare(a.value(), b.value()) == 0;
        if (this instanceof Histogram a && other instanceof Histogram b) {
            return Double.compare(a.sum(), b.sum()) == 0 && Double.compare(a.count(), b.count()) == 0
                    && java.util.Arrays.equals(a.upperBounds(), b.upperBounds())
                    && java.util.Arrays.equals(a.cumulativeCounts(), b.cumulativeCounts());
        }
        if (this instanceof Summary a && other instanceof Summary b) {
            return Double.compare(a.sum(), b.sum()) == 0 && Double.compare(a.count(), b.count()) == 0
                    && java.util.Arrays.equals(a.quantiles(), b.quantiles()) && java.util.Arrays.equals(a.values(), b.values());
        }
        return false;
    }

    /** Counter, gauge or untyped value. */
    record Scalar(double value) implements Observation { }

    /** Cumulative buckets sorted by upper bound (the last is +Inf when the server wrote it). */
    record Histogram(double[] upperBounds, double[] cumulativeCounts, double sum, double count) implements Observation { }

    /** Quantiles as the server computed them, plus sum and count. */
    record Summary(double[] quantiles, double[] values, double sum, double count) implements Observation { }
}
