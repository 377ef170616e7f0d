package dev.redline.runner.plot.chart;

/** An axis: its label (with the unit) and whether it starts logarithmic (the dashboard can switch). */
public record Axis(String label, boolean log) {
    public static Axis linear(String label) {
        return new Axis(label, false);
    }
}
