package dev.redline.plan.search;

import dev.redline.plan.Knob;

import java.util.List;

/**
 * The feasible/infeasible bracket of a one-knob SLA search, latched in history order as AIPerf's
 * monotonic planner latches it: a feasible verdict raises {@code feasibleMax} only while it stays below
 * {@code infeasibleMin}, an infeasible one lowers {@code infeasibleMin} only while it stays above
 * {@code feasibleMax}; a verdict on the wrong side is flagged as non-monotonic instead.
 */
final class SlaBracket {
    /** Positions in the history, -1 while unset. */
    final int feasibleMax;
    final int infeasibleMin;
    final boolean[] nonMonotonic;
    private final List<Evaluation> history;

    private SlaBracket(List<Evaluation> history, int feasibleMax, int infeasibleMin, boolean[] nonMonotonic) {
        this.history = history;
        this.feasibleMax = feasibleMax;
        this.infeasibleMin = infeasibleMin;
        this.nonMonotonic = nonMonotonic;
    }

    static SlaBracket of(List<Evaluation> history) {
        int fmax = -1, imin = -1;
        boolean[] warn = new boolean[history.size()];
        for (int i = 0; i < history.size(); i++) {
            Evaluation o = history.get(i);
            double v = o.value(0);
            double f = fmax < 0 ? Double.NaN : history.get(fmax).value(0);
            double b = imin < 0 ? Double.NaN : history.get(imin).value(0);
            if (o.feasible()) {
                warn[i] = imin >= 0 && v >= b;
                if ((fmax < 0 || v > f) && (imin < 0 || v < b)) fmax = i;
            } else {
                warn[i] = fmax >= 0 && v <= f;
                if ((imin < 0 || v < b) && (fmax < 0 || v > f)) imin = i;
            }
        }
        return new SlaBracket(history, fmax, imin, warn);
    }

    double low() { return history.get(feasibleMax).value(0); }

    double high() { return history.get(infeasibleMin).value(0); }

    boolean anyWarning() {
        for (boolean w : nonMonotonic) if (w) return true;
        return false;
    }

    /** The bracket is narrow enough: adjacent integers, or {@code (high - low) / |high| < precision}. */
    static boolean narrow(Knob dim, double low, double high, double precision) {
        double gap = high - low;
        if (dim.isInteger() && gap <= 1) return true;
        return gap / Math.max(Math.abs(high), dim.isInteger() ? 1 : Double.MIN_NORMAL) < precision;
    }

    /**
     * The exponential probe's next value after a passing {@code value}: doubling when the knob is positive
     * (1, 2, 4, 8, ... as AIPerf), else doubling the distance from the lower end; capped at the upper end.
     */
    static double grow(Knob dim, double value) {
        double next;
        if (dim.min() > 0) {
            next = value * 2;
        } else {
            double step = dim.isInteger() ? 1 : (dim.max() - dim.min()) / 64;
            next = dim.min() + Math.max(step, 2 * (value - dim.min()));
        }
        if (dim.isInteger()) next = Math.max(next, value + 1);
        return dim.snap(Math.min(next, dim.max()));
    }

    /** A value strictly inside (low, high) near t, or NaN when the bracket has no room (adjacent integers). */
    static double inside(Knob dim, double low, double high, double t) {
        double v = dim.snap(t);
        if (dim.isInteger()) {
            if (v <= low) v = low + 1;
            if (v >= high) v = high - 1;
            return v > low && v < high ? v : Double.NaN;
        }
        return v > low && v < high ? v : (low + high) / 2;
    }
}
