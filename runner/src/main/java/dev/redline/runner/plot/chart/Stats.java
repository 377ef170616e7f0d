package dev.redline.runner.plot.chart;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.List;

/** The statistics the dashboard switches between, and how one is computed over raw values. */
public final class Stats {
    public static final String AVG = "avg";
    /** The stat switcher's choices, in display order. */
    public static final List<String> SWITCHABLE = List.of(AVG, "p50", "p90", "p95", "p99");

    private Stats() { }

    /** avg, or pNN by linear interpolation between closest ranks (numpy's/pandas' default, as AIPerf). */
    public static double of(double[] values, String stat) {
        if (values.length == 0) return Double.NaN;
        if (stat.equals(AVG)) return new Mean().evaluate(values);
        double p = Double.parseDouble(stat.substring(1));
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }
}
