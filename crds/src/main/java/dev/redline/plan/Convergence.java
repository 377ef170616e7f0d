package dev.redline.plan;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.ConvergenceSpec;
import dev.redline.plan.aggregate.ConfidenceStats;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adaptive stopping of a multi-run, AIPerf's three criteria: {@code ci_width} (Student-t interval width
 * over |mean| below the threshold), {@code cv} (std over |mean| below it) and {@code distribution}
 * (two-sample Kolmogorov–Smirnov test of the last run's per-request values against the earlier runs'
 * pooled: converged when the p-value exceeds the threshold, i.e. no evidence they differ).
 */
public final class Convergence {
    public static final Set<String> MODES = Set.of("ci_width", "cv", "distribution");
    public static final Set<String> STATS = Set.of("avg", "p50", "p90", "p95", "p99", "min", "max");

    /** Per-request values of one metric in one run (the run's profile_export.jsonl), for {@code distribution}. */
    @FunctionalInterface
    public interface Samples {
        double[] of(TrialOutcome run, String metric);
    }

    private final ConvergenceSpec spec;
    private final double confidenceLevel;
    private final Samples samples;

    public Convergence(ConvergenceSpec spec, double confidenceLevel, Samples samples) {
        this.spec = spec;
        this.confidenceLevel = confidenceLevel;
        this.samples = samples;
    }

    /** Checks the spec's fields; {@code where} prefixes the one-line error (e.g. {@code multi_run.convergence}). */
    public static void check(ConvergenceSpec c, int numRuns, String where) {
        if (c.getMetric() == null || c.getMetric().isBlank()) throw new SpecException(where + ".metric: missing; name the metric to watch, e.g. time_to_first_token");
        if (!MODES.contains(c.resolvedMode())) throw new SpecException(where + ".mode: '" + c.getMode() + "' is not allowed; use ci_width, cv or distribution");
        if (!STATS.contains(c.resolvedStat())) throw new SpecException(where + ".stat: '" + c.getStat() + "' is not allowed; use avg, p50, p90, p95, p99, min or max");
        if (c.getThreshold() != null && !(c.getThreshold() > 0 && c.getThreshold() < 1)) {
            throw new SpecException(where + ".threshold: " + c.getThreshold() + " is not in (0, 1); e.g. 0.1 for ci_width");
        }
        if (c.getMinRuns() != null && c.getMinRuns() < 2) throw new SpecException(where + ".minRuns: must be at least 2, got " + c.getMinRuns());
        if (c.resolvedMinRuns() > numRuns) {
            throw new SpecException(where + ".minRuns: " + c.resolvedMinRuns() + " is more than the " + numRuns + " runs allowed; lower it or raise the number of runs");
        }
    }

    /** True when the trials so far have settled (never before {@code minRuns} successful runs). */
    public boolean converged(List<TrialOutcome> trials) {
        List<TrialOutcome> ok = trials.stream().filter(TrialOutcome::succeeded).toList();
        if ("distribution".equals(spec.resolvedMode())) return distributionSettled(ok);
        List<Double> values = new ArrayList<>();
        for (TrialOutcome t : ok) {
            Double v = t.export().stat(spec.getMetric(), spec.resolvedStat());
            if (v != null && Double.isFinite(v)) values.add(v);
        }
        if (values.size() < Math.max(spec.resolvedMinRuns(), 2)) return false;
        ConfidenceStats s = ConfidenceStats.of(values, confidenceLevel, "");
        if (s.mean() == 0) return false;
        double ratio = "cv".equals(spec.resolvedMode()) ? s.std() / Math.abs(s.mean()) : (s.ciHigh() - s.ciLow()) / Math.abs(s.mean());
        return ratio < spec.resolvedThreshold();
    }

    private boolean distributionSettled(List<TrialOutcome> ok) {
        if (ok.size() < spec.resolvedMinRuns()) return false;
        List<Double> earlier = new ArrayList<>();
        for (TrialOutcome t : ok.subList(0, ok.size() - 1)) for (double v : samples.of(t, spec.getMetric())) earlier.add(v);
        double[] last = samples.of(ok.get(ok.size() - 1), spec.getMetric());
        if (earlier.size() < 2 || last.length < 2) return false;
        return pValue(earlier.stream().mapToDouble(Double::doubleValue).toArray(), last) > spec.resolvedThreshold();
    }

    /** The two-sample KS test's p-value (exact for small samples, asymptotic for large, as commons-math3 decides). */
    public static double pValue(double[] a, double[] b) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(a, b);
    }
}
