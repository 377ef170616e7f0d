package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Inter-arrival gaps with mean 1 (scaled by 1/rate by the schedule): constant 1, Exponential(1) for
 * Poisson arrivals, Gamma(shape k, scale 1/k) for gamma (AIPerf / vLLM burstiness; k = 1 is Poisson).
 * Seeded; not thread-safe.
 */
public final class IntervalSampler {
    private final LoadType type;
    private final RandomGenerator rng;
    private final GammaDistribution gamma;

    public IntervalSampler(LoadType type, double smoothness, long seed) {
        this.type = type;
        this.rng = new Well19937c(seed);
        this.gamma = type == LoadType.GAMMA ? new GammaDistribution(rng, smoothness, 1.0 / smoothness) : null;
    }

    /** The next gap in units of the mean gap. */
    public double next() {
        return switch (type) {
            case CONSTANT -> 1.0;
            case POISSON -> -Math.log(1.0 - rng.nextDouble());
            case GAMMA -> gamma.sample();
            default -> throw new IllegalStateException("no inter-arrival distribution for " + type.wireName());
        };
    }
}
