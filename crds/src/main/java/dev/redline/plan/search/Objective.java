package dev.redline.plan.search;

/**
 * What a search optimises: an AIPerf metric tag, the statistic of it (avg, p50, p90, p95, p99) and the
 * direction. {@code reference} is the hypervolume reference point of a multi-objective search (null:
 * derived from the worst observed value).
 */
public record Objective(String metric, String stat, Direction direction, Double reference) {
    public Objective {
        if (metric == null || metric.isBlank()) throw new IllegalArgumentException("objective needs a metric tag");
        if (stat == null) stat = "avg";
        if (direction == null) throw new IllegalArgumentException("objective '" + metric + "' needs a direction");
        if (reference != null && !Double.isFinite(reference)) {
            throw new IllegalArgumentException("objective '" + metric + "': reference must be finite");
        }
    }

    public Objective(String metric, String stat, Direction direction) { this(metric, stat, direction, null); }
}
