package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.LengthPeak;
import dev.redline.api.v1alpha1.LengthSpec;

import java.util.List;
import java.util.Random;

/**
 * Token lengths as AIPerf draws them, ceil'd and kept >= 1: normal ceil(Normal(mean, stddev)) redrawn until at least
 * 1 (stddev 0 gives the mean); log-normal exp(Normal(ln median, sqrt(2 ln(mean/median)))) (median = mean gives the
 * mean); a mixture picks a component by weight; min/max clamp each draw.
 */
public abstract class LengthSampler {
    /** A normal length. */
    public static LengthSampler normal(int mean, double stddev) {
        if (mean < 1) throw new IllegalArgumentException("mean length must be at least 1, got " + mean);
        if (stddev < 0 || Double.isNaN(stddev)) throw new IllegalArgumentException("stddev must be >= 0, got " + stddev);
        return new Normal(mean, stddev);
    }

    /** Integers drawn uniformly from [low, high] (AIPerf's range-ratio windows); a 0 draw is sent as 1 token. */
    public static LengthSampler uniform(int low, int high) {
        if (low < 0 || high < low) throw new IllegalArgumentException("bad window [" + low + ", " + high + "]");
        return new LengthSampler() {
            @Override
            double draw(Random rnd) {
                return low + rnd.nextInt(high - low + 1);
            }
        };
    }

    /** The sampler for a configured length (default mean when none is set). */
    public static LengthSampler of(LengthSpec spec, int defaultMean) {
        if (spec == null) return normal(defaultMean, 0);
        LengthSampler base;
        if (spec.getPeaks() != null && !spec.getPeaks().isEmpty()) base = new Mixture(spec.getPeaks());
        else if (spec.getPoints() != null && !spec.getPoints().isEmpty()) base = new Empirical(spec.getPoints());
        else base = component(spec.getMean() == null ? defaultMean : spec.getMean(), spec.resolvedStddev(), spec.getMedian());
        return spec.getMin() == null && spec.getMax() == null ? base : new Clamped(base, spec.getMin(), spec.getMax());
    }

    private static LengthSampler component(int mean, double stddev, Double median) {
        return median == null ? normal(mean, stddev) : new LogNormal(mean, median);
    }

    /** One draw, before rounding. */
    abstract double draw(Random rnd);

    public final int sample(Random rnd) {
        double v = Math.ceil(draw(rnd));
        if (v >= Integer.MAX_VALUE) return Integer.MAX_VALUE;
        return Math.max(1, (int) v);
    }

    private static final class Normal extends LengthSampler {
        private final int mean;
        private final double stddev;

        Normal(int mean, double stddev) {
            this.mean = mean;
            this.stddev = stddev;
        }

        @Override
        double draw(Random rnd) {
            if (stddev == 0) return mean;
            while (true) {
                double n = Math.ceil(mean + stddev * rnd.nextGaussian());
                if (n >= 1) return n;
            }
        }
    }

    private static final class LogNormal extends LengthSampler {
        private final double mean;
        private final double mu;
        private final double sigma;

        LogNormal(double mean, double median) {
            this.mean = mean;
            this.mu = Math.log(median);
            this.sigma = median >= mean ? 0 : Math.sqrt(2 * Math.log(mean / median));
        }

        @Override
        double draw(Random rnd) {
            return sigma <= 0 ? mean : Math.exp(mu + sigma * rnd.nextGaussian());
        }
    }

    private static final class Mixture extends LengthSampler {
        private final LengthSampler[] parts;
        private final double[] cumulative;

        Mixture(List<LengthPeak> peaks) {
            parts = new LengthSampler[peaks.size()];
            cumulative = new double[peaks.size()];
            double total = 0;
            for (int i = 0; i < peaks.size(); i++) {
                LengthPeak p = peaks.get(i);
                parts[i] = component(p.getMean(), p.getStddev() == null ? 0 : p.getStddev(), p.getMedian());
                total += p.getWeight();
                cumulative[i] = total;
            }
        }

        @Override
        double draw(Random rnd) {
            double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < parts.length; i++) if (r < cumulative[i]) return parts[i].draw(rnd);
            return parts[parts.length - 1].draw(rnd);
        }
    }

    private static final class Empirical extends LengthSampler {
        private final double[] values;
        private final double[] cumulative;

        Empirical(List<dev.redline.api.v1alpha1.LengthPoint> points) {
            values = new double[points.size()];
            cumulative = new double[points.size()];
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                values[i] = points.get(i).getValue();
                total += points.get(i).resolvedWeight();
                cumulative[i] = total;
            }
        }

        @Override
        double draw(Random rnd) {
            double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < values.length; i++) if (r < cumulative[i]) return values[i];
            return values[values.length - 1];
        }
    }

    private static final class Clamped extends LengthSampler {
        private final LengthSampler inner;
        private final Double min;
        private final Double max;

        Clamped(LengthSampler inner, Double min, Double max) {
            this.inner = inner;
            this.min = min;
            this.max = max;
        }

        @Override
        double draw(Random rnd) {
            double v = inner.draw(rnd);
            if (min != null && v < min) v = min;
            if (max != null && v > max) v = max;
            return v;
        }
    }
}
