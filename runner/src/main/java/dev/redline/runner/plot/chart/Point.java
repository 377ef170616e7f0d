package dev.redline.runner.plot.chart;

/**
 * One plotted point. A point with NaN coordinates breaks a line (the gaps between the bars of a
 * timeline); {@code low}/{@code high} are a vertical error bar (a confidence interval), NaN when none.
 */
public record Point(double x, double y, double low, double high, String label) {
    public static final Point BREAK = new Point(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

    public static Point of(double x, double y) {
        return new Point(x, y, Double.NaN, Double.NaN, null);
    }

    public static Point labelled(double x, double y, String label) {
        return new Point(x, y, Double.NaN, Double.NaN, label);
    }

    public Point withInterval(double[] ci) {
        return ci == null ? this : new Point(x, y, ci[0], ci[1], label);
    }

    public boolean isBreak() { return Double.isNaN(x); }

    public boolean hasInterval() { return !Double.isNaN(low) && !Double.isNaN(high); }
}
