package dev.redline.runner.telemetry.stats;

/**
 * Counter increase over consecutive samples with Prometheus reset semantics: a drop means the counter
 * restarted from zero, so the increase of that interval is the new value.
 */
public final class CounterMath {
    private CounterMath() { }

    public static double increase(double previous, double current) {
        if (Double.isNaN(previous) || Double.isNaN(current)) return 0;
        return current >= previous ? current - previous : current;
    }

    /** Sum of the interval increases of the given values in order. */
    public static double increase(double[] values) {
        double total = 0;
        for (int i = 1; i < values.length; i++) total += increase(values[i - 1], values[i]);
        return total;
    }
}
