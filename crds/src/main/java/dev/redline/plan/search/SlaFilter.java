package dev.redline.plan.search;

import dev.redline.api.v1alpha1.SloOperator;

/**
 * One SLA constraint of a search, AIPerf's {@code sla_filters} entry: {@code stat(metric_tag) op threshold}.
 * The planners see it as a signed violation ({@code <= 0} feasible), scaled by the threshold so that
 * constraints in ms and in percent are modelled on comparable scales.
 */
public record SlaFilter(String metricTag, String stat, SloOperator op, double threshold) {
    public SlaFilter {
        if (metricTag == null || metricTag.isBlank()) throw new IllegalArgumentException("SLA filter needs a metric tag");
        if (stat == null) stat = "p95";
        if (op == null) throw new IllegalArgumentException("SLA filter on '" + metricTag + "' needs an op (lt, le, gt, ge)");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("SLA filter on '" + metricTag + "': threshold must be a finite number");
        }
    }

    /** An unmeasured (NaN) or infinite value never satisfies a filter. */
    public boolean holds(double observed) {
        return Double.isFinite(observed) && op.holds(observed, threshold);
    }

    /** observed - threshold for ceilings, threshold - observed for floors: {@code <= 0} is inside. */
    public double signedViolation(double observed) {
        return op.isUpperBound() ? observed - threshold : threshold - observed;
    }

    /** The signed violation relative to the threshold's magnitude (1 when the threshold is 0). */
    public double scaledViolation(double observed) {
        double scale = Math.abs(threshold) > 0 ? Math.abs(threshold) : 1.0;
        return signedViolation(observed) / scale;
    }

    /** {@code time_to_first_token:p95:lt:200}, the {@code --search-sla} spelling. */
    public String describe() {
        return metricTag + ":" + stat + ":" + op.aiperfName() + ":" + (threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15 ? Long.toString((long) threshold) : Double.toString(threshold));
    }
}
