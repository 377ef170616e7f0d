package dev.redline.runner.metrics;

/** One record's value of one metric for the per-record export: a number or (for list metrics) a list. */
public record MetricValue(double value, double[] list, String unit) {
    public static MetricValue scalar(double value, MetricUnit unit) { return new MetricValue(value, null, unit.label()); }

    public static MetricValue list(double[] list, MetricUnit unit) { return new MetricValue(Double.NaN, list, unit.label()); }

    public boolean isList() { return list != null; }
}
