package dev.redline.plan;

import java.util.Locale;

/**
 * One knob of an experiment: a dot-path into the benchmark spec and its inclusive range, integer or real,
 * linear or log. Samplers and search planners work in the unit cube; this class maps between the cube and
 * the knob's own values (log scale maps decades evenly; integer knobs round half to even, as Python's
 * round, and stay inside the range).
 */
public record Knob(String path, double lo, double hi, Kind kind, Scale scale) {
    public enum Kind { INT, REAL;
        public String wireName() { return name().toLowerCase(Locale.ROOT); }
    }

    public enum Scale { LINEAR, LOG;
        public String wireName() { return name().toLowerCase(Locale.ROOT); }
    }

    public Knob {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("search dimension needs a path");
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("search dimension '" + path + "': lo and hi must be finite numbers");
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("search dimension '" + path + "': lo (" + lo + ") must be < hi (" + hi + ")");
        }
        if (kind == null) kind = Kind.REAL;
        if (scale == null) scale = Scale.LINEAR;
        if (scale == Scale.LOG && lo <= 0) {
            throw new IllegalArgumentException("search dimension '" + path + "': log scale needs lo > 0, got " + lo);
        }
        if (kind == Kind.INT && Math.ceil(lo) > Math.floor(hi)) {
            throw new IllegalArgumentException("search dimension '" + path + "': no integer between " + lo + " and " + hi);
        }
    }

    public static Knob of(String path, double lo, double hi, Kind kind) {
        return new Knob(path, lo, hi, kind, Scale.LINEAR);
    }

    public boolean isInteger() { return kind == Kind.INT; }

    /** Smallest value this knob can take (for integers, the first integer at or above lo). */
    public double min() { return isInteger() ? Math.ceil(lo) : lo; }

    /** Largest value this knob can take. */
    public double max() { return isInteger() ? Math.floor(hi) : hi; }

    /** Clamps into the range and rounds integer knobs. */
    public double snap(double value) {
        double v = Math.max(min(), Math.min(max(), value));
        return isInteger() ? Math.rint(v) : v;
    }

    /** Knob value -> [0, 1]. */
    public double toUnit(double value) {
        double u = scale == Scale.LOG
                ? (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))
                : (value - lo) / (hi - lo);
        return Math.max(0.0, Math.min(1.0, u));
    }

    /** [0, 1] -> knob value, snapped. */
    public double fromUnit(double u) {
        double c = Math.max(0.0, Math.min(1.0, u));
        double v = scale == Scale.LOG ? Math.exp(Math.log(lo) + c * (Math.log(hi) - Math.log(lo))) : lo + c * (hi - lo);
        return snap(v);
    }

    /** How many distinct values an integer knob has (Long.MAX_VALUE for real knobs). */
    public long cardinality() {
        return isInteger() ? (long) (max() - min()) + 1 : Long.MAX_VALUE;
    }
}
