package dev.redline.compare;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides whether a run regressed against a baseline, one gated figure at a time, from per-request values.
 * The figure's change in percent of the baseline gets a percentile-bootstrap confidence interval (both runs
 * resampled independently, {@code resamples} times); the figure regressed when the whole one-sided
 * {@code 1 - alpha} bound lies beyond the tolerance in the worse direction, i.e. the run is worse by more
 * than the tolerance with that confidence. The Mann-Whitney U p-value (commons-math3) is reported beside
 * it as evidence that the distributions differ at all. Resampling uses a seed derived from the figure, so
 * the same inputs always give the same figures (a reconcile that recomputes them changes nothing).
 */
public final class RegressionTest {
    public static final int MIN_SAMPLES = 10;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_TOLERANCE_PERCENT = 5;
    public static final int DEFAULT_RESAMPLES = 2000;

    private final double alpha;
    private final int resamples;

    public RegressionTest(double alpha, int resamples) {
        if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha " + alpha + " must be between 0 and 0.5 (e.g. 0.05)");
        if (resamples < 100 || resamples > 100_000) throw new IllegalArgumentException("resamples " + resamples + " must be 100..100000");
        this.alpha = alpha;
        this.resamples = resamples;
    }

    public RegressionTest(double alpha) {
        this(alpha, DEFAULT_RESAMPLES);
    }

    public double alpha() { return alpha; }

    /**
     * Compares every gate. {@code skipAbsent}: leave out a gate whose metric neither run has (default gates
     * over a non-streaming run have no TTFT); a gate that only one run has is always reported as Missing.
     */
    public RegressionReport compare(List<MetricGate> gates, RequestSamples baseline, RequestSamples current, boolean skipAbsent) {
        List<MetricComparison> out = new ArrayList<>();
        for (MetricGate g : gates) {
            RequestSamples.Metric b = baseline.metric(g.metric());
            RequestSamples.Metric c = current.metric(g.metric());
            if (skipAbsent && b == null && c == null) continue;
            out.add(compare(g, b, c));
        }
        return new RegressionReport(out, alpha);
    }

    /** One gated figure; {@code baseline} or {@code current} null when that run lacks the metric. */
    public MetricComparison compare(MetricGate gate, RequestSamples.Metric baseline, RequestSamples.Metric current) {
        MetricComparison r = new MetricComparison();
        r.setMetric(gate.metric());
        r.setStat(gate.stat().name());
        r.setTolerancePercent(gate.tolerancePercent());
        if (baseline == null || current == null) {
            r.setVerdict(Verdict.Missing);
            r.setNote((baseline == null ? "the baseline" : "this run") + " has no per-request " + gate.metric() + " values");
            return r;
        }
        r.setUnit(current.unit().isEmpty() ? baseline.unit() : current.unit());
        double[] b = baseline.values();
        double[] c = current.values();
        r.setBaselineSamples(b.length);
        r.setCurrentSamples(c.length);
        if (b.length < MIN_SAMPLES || c.length < MIN_SAMPLES) {
            r.setVerdict(Verdict.TooFewSamples);
            r.setNote("needs at least " + MIN_SAMPLES + " requests in each run; baseline " + b.length + ", this run " + c.length);
            return r;
        }
        double sb = gate.stat().of(b);
        double sc = gate.stat().of(c);
        r.setBaseline(Numbers.round(sb));
        r.setCurrent(Numbers.round(sc));
        if (!(sb > 0)) {
            r.setVerdict(sc == sb ? Verdict.WithinTolerance : Verdict.Missing);
            if (sc != sb) r.setNote("the baseline's " + gate.stat() + " is " + sb + "; a change in percent of it is undefined");
            return r;
        }
        double[] changes = bootstrap(gate, b, c);
        double lo = quantile(changes, alpha);
        double hi = quantile(changes, 1 - alpha);
        r.setChangePercent(Numbers.round(percent(sb, sc)));
        r.setCiLowPercent(Numbers.round(lo));
        r.setCiHighPercent(Numbers.round(hi));
        r.setMannWhitneyP(Numbers.round(new MannWhitneyUTest().mannWhitneyUTest(b, c)));
        double tol = gate.tolerancePercent();
        boolean worse = gate.largerIsBetter() ? hi < -tol : lo > tol;
        boolean better = gate.largerIsBetter() ? lo > tol : hi < -tol;
        r.setVerdict(worse ? Verdict.Regressed : better ? Verdict.Improved : Verdict.WithinTolerance);
        return r;
    }

    /** The change in percent over {@code resamples} independent resamplings of both runs, sorted. */
    private double[] bootstrap(MetricGate gate, double[] b, double[] c) {
        SplittableRandom random = new SplittableRandom(gate.toString().hashCode() * 0x9E3779B97F4A7C15L);
        double[] rb = new double[b.length];
        double[] rc = new double[c.length];
        double[] changes = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            for (int k = 0; k < rb.length; k++) rb[k] = b[random.nextInt(b.length)];
            for (int k = 0; k < rc.length; k++) rc[k] = c[random.nextInt(c.length)];
            double change = percent(gate.stat().of(rb), gate.stat().of(rc));
            changes[i] = Double.isNaN(change) ? 0 : change;
        }
        Arrays.sort(changes);
        return changes;
    }

    private static double percent(double base, double now) {
        return (now / base - 1) * 100;
    }

    /** The q-quantile of sorted values, interpolated between neighbours. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i + 1 >= sorted.length) return sorted[sorted.length - 1];
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }
}
