package dev.redline.runner.export;

import java.util.Locale;

/** How exports print numbers: the console groups thousands, the CSV keeps integers and rounds floats. */
final class DisplayNumbers {
    static final String MISSING = "N/A";

    private DisplayNumbers() {}

    /** {@code 1,234.56}; N/A for missing or non-finite values. */
    static String grouped(double v) {
        if (!Double.isFinite(v)) return MISSING;
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Integers as-is, other values with 2 decimals; empty for missing or non-finite values. */
    static String csv(double v) {
        if (!Double.isFinite(v)) return "";
        if (isIntegral(v)) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Whether a value is a whole number small enough to print exactly as a long. */
    static boolean isIntegral(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 9.0e15;
    }
}
