package dev.redline.runner.load;

import dev.redline.api.v1alpha1.RateSeriesPoint;

import java.util.List;

/**
 * Open-model arrivals at a target rate: the first at t = 0, each next one a sampled gap (in units of the mean gap)
 * later, measured against the rate in force along the way, so a rate change takes effect at its instant. The rate
 * changes only at 0.1 s steps (AIPerf's rate update interval): with a ramp of T seconds it starts at target x
 * (0.1 / T) and grows linearly each step until it reaches the target at T; with a rate series (AIPerf's
 * rate_series) the ramp leads to the series' first qps, then each step takes the series' value interpolated at
 * the step's start, and the last qps holds after the last point.
 */
public final class RateSchedule implements ArrivalSchedule {
    static final long RAMP_STEP_NS = 100_000_000L;

    private final double targetPerNs;
    private final long rampNs;
    private final double[] seriesTimesNs; // after the ramp; empty without a series
    private final double[] seriesPerNs;
    private final IntervalSampler sampler;
    private double t;           // ns offset of the next arrival, as double to avoid rounding drift
    private boolean first = true;

    public RateSchedule(double ratePerSecond, double rampSeconds, IntervalSampler sampler) {
        this(ratePerSecond, rampSeconds, List.of(), sampler);
    }

    /** A rate series ramped to from its first qps over {@code rampSeconds} (0 = none). */
    public static RateSchedule series(List<RateSeriesPoint> points, double rampSeconds, IntervalSampler sampler) {
        return new RateSchedule(points.get(0).getQps(), rampSeconds, points, sampler);
    }

    private RateSchedule(double ratePerSecond, double rampSeconds, List<RateSeriesPoint> points, IntervalSampler sampler) {
        this.targetPerNs = ratePerSecond / 1e9;
        this.rampNs = (long) (rampSeconds * 1e9);
        this.sampler = sampler;
        this.seriesTimesNs = new double[points.size()];
        this.seriesPerNs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            seriesTimesNs[i] = points.get(i).getTimeS() * 1e9;
            seriesPerNs[i] = points.get(i).getQps() / 1e9;
        }
    }

    @Override
    public long nextOffsetNs() {
        if (first) {
            first = false;
            return 0;
        }
        // walk the 0.1 s steps until the gap's share of arrivals is used up (time rescaling of a varying rate)
        double gap = sampler.next();
        while (true) {
            double rate = ratePerNsAt(t);
            double stepEnd = nextChangeNs(t);
            double need = gap / rate;
            if (t + need <= stepEnd) {
                t += need;
                return (long) t;
            }
            gap -= (stepEnd - t) * rate;
            t = stepEnd;
        }
    }

    /** The next offset after {@code ns} at which the rate may change (the next step), or infinity once it is settled. */
    private double nextChangeNs(double ns) {
        double settled = rampNs + (seriesTimesNs.length == 0 ? 0 : seriesTimesNs[seriesTimesNs.length - 1]);
        if (ns >= settled) return Double.POSITIVE_INFINITY;
        if (ns < rampNs) return Math.min(rampNs, (Math.floor(ns / RAMP_STEP_NS) + 1) * RAMP_STEP_NS);
        return rampNs + (Math.floor((ns - rampNs) / RAMP_STEP_NS) + 1) * RAMP_STEP_NS; // series steps start after the ramp
    }

    /** The rate in force at offset {@code ns} (per ns). */
    double ratePerNsAt(double ns) {
        if (rampNs > 0 && ns < rampNs) {
            long step = (long) (ns / RAMP_STEP_NS) + 1;           // 1-based step index
            double fraction = Math.min(1.0, step * (double) RAMP_STEP_NS / rampNs);
            return targetPerNs * fraction;
        }
        if (seriesTimesNs.length == 0) return targetPerNs;
        double stepStart = Math.floor((ns - rampNs) / RAMP_STEP_NS) * RAMP_STEP_NS;
        return seriesAt(Math.max(0, stepStart));
    }

    /** The series' rate at {@code ns} after its start, interpolated linearly between points. */
    private double seriesAt(double ns) {
        double[] ts = seriesTimesNs;
        int n = ts.length;
        if (ns <= ts[0]) return seriesPerNs[0];
        if (ns >= ts[n - 1]) return seriesPerNs[n - 1];
        int right = java.util.Arrays.binarySearch(ts, ns);
        if (right >= 0) return seriesPerNs[right];
        right = -right - 1;
        int left = right - 1;
        double progress = (ns - ts[left]) / (ts[right] - ts[left]);
        return seriesPerNs[left] + (seriesPerNs[right] - seriesPerNs[left]) * progress;
    }
}
