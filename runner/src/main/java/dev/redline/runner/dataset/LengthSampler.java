package dev.redline.runner.dataset;

import java.util.Random;

/** Token lengths as AIPerf draws them: ceil(Normal(mean, stddev)), redrawn until at least 1; stddev 0 gives the mean. */
public final class LengthSampler {
    private final int mean;
    private final double stddev;

    public LengthSampler(int mean, double stddev) {
        if (mean < 1) throw new IllegalArgumentException("mean length must be at least 1, got " + mean);
        if (stddev < 0 || Double.isNaN(stddev)) throw new IllegalArgumentException("stddev must be >= 0, got " + stddev);
        this.mean = mean;
        this.stddev = stddev;
    }

    public int sample(Random rnd) {
        if (stddev == 0) return mean;
        while (true) {
            double n = Math.ceil(mean + stddev * rnd.nextGaussian());
            if (n >= 1) return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
        }
    }
}
