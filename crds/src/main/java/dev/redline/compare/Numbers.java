package dev.redline.compare;

import java.util.Locale;

/** Figures as people read them in a condition message or a console table. */
final class Numbers {
    private Numbers() { }

    static String fmt(Double d) {
        if (d == null || !Double.isFinite(d)) return "n/a";
        double a = Math.abs(d);
        if (a >= 1000) return String.format(Locale.ROOT, "%.0f", d);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", d);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", d);
        return String.format(Locale.ROOT, "%.3g", d);
    }

    static String signedPercent(Double d) {
        if (d == null || !Double.isFinite(d)) return "n/a";
        return String.format(Locale.ROOT, "%+.1f%%", d);
    }

    /** Rounded for the status: 4 significant digits keep the figures readable and the status stable. */
    static double round(double d) {
        if (d == 0 || !Double.isFinite(d)) return d;
        return new java.math.BigDecimal(d).round(new java.math.MathContext(4)).doubleValue();
    }
}
