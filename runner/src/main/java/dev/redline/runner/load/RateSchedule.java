package dev.redline.runner.load;

/**
 * Open-model arrivals at a target rate: the first at t = 0, each next one a sampled gap later, with the
 * gap scaled by the rate in force at the previous arrival. With a ramp of T seconds the rate starts at
 * target x (0.1 / T) and steps up linearly every 0.1 s until it reaches the target at T (AIPerf).
 */
public final class RateSchedule implements ArrivalSchedule {
    static final long RAMP_STEP_NS = 100_000_000L;

    private final double targetPerNs;
    private final long rampNs;
    private final IntervalSampler sampler;
    private double t;           // ns offset of the next arrival, as double to avoid rounding drift
    private boolean first = true;

    public RateSchedule(double ratePerSecond, double rampSeconds, IntervalSampler sampler) {
        this.targetPerNs = ratePerSecond / 1e9;
        this.rampNs = (long) (rampSeconds * 1e9);
        this.sampler = sampler;
    }

    @Override
    public long nextOffsetNs() {
        if (first) {
            first = false;
            return 0;
        }
        t += sampler.next() / ratePerNsAt(t);
        return (long) t;
    }

    /** The rate in force at offset {@code ns} (per ns). */
    double ratePerNsAt(double ns) {
        if (rampNs <= 0 || ns >= rampNs) return targetPerNs;
        long step = (long) (ns / RAMP_STEP_NS) + 1;           // 1-based step index
        double fraction = Math.min(1.0, step * (double) RAMP_STEP_NS / rampNs);
        return targetPerNs * fraction;
    }
}
