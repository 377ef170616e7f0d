package dev.redline.compare;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Locale;

/**
 * A statistic of a sample: {@code avg} or a percentile {@code pNN} (0 &lt; NN &lt; 100, e.g. p50, p99, p99.9),
 * the latter linearly interpolated like AIPerf's numpy percentiles (commons-math3's R-7 estimator).
 */
public final class Statistic {
    private final String name;
    private final double percentile;

    private Statistic(String name, double percentile) {
        this.name = name;
        this.percentile = percentile;
    }

    /** Parses {@code avg} or {@code pNN}; IllegalArgumentException with a one-line message otherwise. */
    public static Statistic parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("avg") || t.equals("mean")) return new Statistic("avg", Double.NaN);
        if (t.startsWith("p")) {
            try {
                double q = Double.parseDouble(t.substring(1));
                if (q > 0 && q < 100) return new Statistic(t, q);
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + text + "'; use avg or a percentile such as p50, p90, p99");
    }

    public String name() { return name; }

    public boolean isAverage() { return Double.isNaN(percentile); }

    /** The statistic of {@code values} (not modified); NaN for an empty sample. */
    public double of(double[] values) {
        if (values.length == 0) return Double.NaN;
        if (isAverage()) {
            double sum = 0;
            for (double v : values) sum += v;
            return sum / values.length;
        }
        return new Percentile(percentile).withEstimationType(Percentile.EstimationType.R_7).evaluate(values);
    }

    @Override
    public String toString() { return name; }
}
