package dev.redline.runner.metrics;

/** An aggregate or derived metric: one value per run, computed from the run's totals. */
public abstract class ScalarMetric {
    private final MetricDef def;

    protected ScalarMetric(MetricDef def) {
        this.def = def;
    }

    public final MetricDef def() { return def; }

    public final String tag() { return def.tag(); }

    /** The value in display units, or NaN when the run gives it no value. */
    public abstract double value(RunTotals totals);
}
