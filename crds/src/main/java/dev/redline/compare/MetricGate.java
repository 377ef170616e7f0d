package dev.redline.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One gated figure: a per-request metric, a statistic and the tolerated worsening in percent.
 * Written {@code tag[:stat]} on the command line (default stat p99).
 */
public record MetricGate(String metric, Statistic stat, double tolerancePercent) {
    public static final String DEFAULT_STAT = "p99";

    public MetricGate {
        if (!GateMetrics.known(metric)) {
            throw new IllegalArgumentException("unknown per-request metric '" + metric + "'; use one of " + String.join(", ", GateMetrics.tags()));
        }
        if (!Double.isFinite(tolerancePercent) || tolerancePercent < 0 || tolerancePercent > 1000) {
            throw new IllegalArgumentException("tolerance " + tolerancePercent + " is not a percentage between 0 and 1000");
        }
    }

    /** {@code tag[:stat]} with the given tolerance. */
    public static MetricGate parse(String text, double tolerancePercent) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        String tag = colon < 0 ? t : t.substring(0, colon);
        String stat = colon < 0 ? DEFAULT_STAT : t.substring(colon + 1);
        return new MetricGate(tag, Statistic.parse(stat), tolerancePercent);
    }

    /** A comma-separated list of {@code tag[:stat]}. */
    public static List<MetricGate> parseList(String csv, double tolerancePercent) {
        List<MetricGate> out = new ArrayList<>();
        for (String part : csv.split(",")) if (!part.isBlank()) out.add(parse(part, tolerancePercent));
        return out;
    }

    public boolean largerIsBetter() { return GateMetrics.largerIsBetter(metric); }

    @Override
    public String toString() { return metric + ":" + stat.name(); }
}
