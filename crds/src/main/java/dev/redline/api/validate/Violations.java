package dev.redline.api.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while rules run; rules add, the caller reads. */
public final class Violations {
    private final List<Violation> items = new ArrayList<>();

    public void add(String path, String message) {
        items.add(new Violation(path, message));
    }

    /** Adds a violation when {@code value} is set and below {@code min}. */
    public void atLeast(String path, Number value, double min) {
        if (value != null && value.doubleValue() < min) {
            add(path, "must be at least " + fmt(min) + ", got " + value + "; set a value >= " + fmt(min));
        }
    }

    /** Adds a violation when {@code value} is set and not strictly positive. */
    public void positive(String path, Number value) {
        if (value != null && !(value.doubleValue() > 0)) {
            add(path, "must be greater than 0, got " + value + "; set a positive value");
        }
    }

    public boolean isEmpty() { return items.isEmpty(); }

    public List<Violation> list() { return List.copyOf(items); }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
