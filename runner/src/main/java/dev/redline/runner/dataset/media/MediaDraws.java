package dev.redline.runner.dataset.media;

import java.util.List;
import java.util.Random;

/** AIPerf's samplers for media sizes, on {@link Random} so that a seed gives the same draws on every machine. */
final class MediaDraws {
    private static final int MAX_TRIES = 10_000;

    private MediaDraws() { }

    /**
     * A size in whole units, at least 1: AIPerf truncates mean and stddev to integers, returns the mean when the
     * stddev is 0, else redraws Normal(mean, stddev) until it is at least 0 and rounds up.
     */
    static int positiveInt(double mean, double stddev, Random rnd) {
        int m = (int) mean;
        int sd = (int) stddev;
        if (sd <= 0) return Math.max(1, m);
        return (int) Math.max(1, Math.ceil(atLeast(m, sd, 0, rnd)));
    }

    /** Normal(mean, stddev) redrawn until at least {@code lower}; after many misses the mean clamped (as AIPerf). */
    static double atLeast(double mean, double stddev, double lower, Random rnd) {
        if (stddev <= 0) return Math.max(lower, mean);
        for (int i = 0; i < MAX_TRIES; i++) {
            double x = mean + stddev * rnd.nextGaussian();
            if (x >= lower) return x;
        }
        return Math.max(lower, mean);
    }

    static <T> T pick(List<T> options, Random rnd) {
        return options.size() == 1 ? options.get(0) : options.get(rnd.nextInt(options.size()));
    }
}
