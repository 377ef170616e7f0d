package dev.redline.runner.telemetry.stats;

/**
 * Integrals over sampled series clipped to a window, with linear interpolation between samples, so
 * that energy and power are measured over exactly the same span whatever the scrape phase.
 * Times are monotonic nanos; results are per second (e.g. W over s gives J).
 */
public final class Integrals {
    private Integrals() { }

    /** Trapezoid integral of {@code v(t)} over {@code [a, b]} ∩ the sampled span, in value·seconds. */
    public static double trapezoid(long[] t, double[] v, long a, long b) {
        double area = 0;
        for (int i = 0; i + 1 < t.length; i++) {
            long lo = Math.max(a, t[i]);
            long hi = Math.min(b, t[i + 1]);
            if (hi <= lo) continue;
            double vLo = at(t[i], v[i], t[i + 1], v[i + 1], lo);
            double vHi = at(t[i], v[i], t[i + 1], v[i + 1], hi);
            area += (vLo + vHi) / 2 * ((hi - lo) / 1e9);
        }
        return area;
    }

    /**
     * Increase of a counter over {@code [a, b]}: each interval's increase (resets handled as in
     * {@link CounterMath}) times the share of that interval inside the window.
     */
    public static double counterIncrease(long[] t, double[] v, long a, long b) {
        double total = 0;
        for (int i = 0; i + 1 < t.length; i++) {
            long lo = Math.max(a, t[i]);
            long hi = Math.min(b, t[i + 1]);
            if (hi <= lo || t[i + 1] <= t[i]) continue;
            double share = (double) (hi - lo) / (t[i + 1] - t[i]);
            total += CounterMath.increase(v[i], v[i + 1]) * share;
        }
        return total;
    }

    /** Seconds of {@code [a, b]} covered by the samples (between the first and the last). */
    public static double coveredSeconds(long[] t, long a, long b) {
        if (t.length < 2) return 0;
        long lo = Math.max(a, t[0]);
        long hi = Math.min(b, t[t.length - 1]);
        return hi > lo ? (hi - lo) / 1e9 : 0;
    }

    private static double at(long t0, double v0, long t1, double v1, long t) {
        if (t1 == t0) return v0;
        return v0 + (v1 - v0) * ((double) (t - t0) / (t1 - t0));
    }
}
