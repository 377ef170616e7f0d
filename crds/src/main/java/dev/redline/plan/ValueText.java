package dev.redline.plan;

/** A sweep value as text the way AIPerf prints it in labels and directory names (Python's str). */
public final class ValueText {
    private ValueText() { }

    public static String of(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) return String.format(java.util.Locale.ROOT, "%.1f", d);
            return Double.toString(d);
        }
        if (value instanceof Float f) return of(f.doubleValue());
        if (value instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(value);
    }
}
