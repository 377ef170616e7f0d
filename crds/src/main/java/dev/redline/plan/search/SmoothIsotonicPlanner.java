package dev.redline.plan.search;

import dev.redline.plan.Knob;

import java.util.List;
import java.util.TreeMap;

/**
 * {@code smooth_isotonic}: like {@code monotonic_sla} it brackets the SLA boundary by an exponential probe,
 * but then it fits the binding SLA margin (the largest scaled violation over the filters, {@code <= 0}
 * inside) as a non-decreasing function of the knob by isotonic regression, so one noisy probe cannot
 * flip the verdict. A knob value counts as safe when the fit plus {@code marginZ} residual standard
 * deviations stays inside the SLA; the next probe is where that safe curve crosses zero (linear
 * interpolation between probes, with a bisection step when the bracket stops halving). The answer is the
 * largest safe probe; the search stops when the safe/unsafe bracket is narrower than the precision.
 */
public final class SmoothIsotonicPlanner extends OneKnobSlaPlanner {
    public SmoothIsotonicPlanner(SearchProblem problem) {
        super(problem, "smooth_isotonic");
    }

    @Override
    public SearchStep next(List<Evaluation> history) {
        SearchStep first = start(history);
        if (first != null) return first;
        Knob dim = problem.space().get(0);
        Fit fit = fit(history);
        if (fit.safeMax < 0) {
            return fit.xs[0] <= dim.min() ? SearchStep.done(ConvergenceReason.SMOOTH_ISOTONIC_NO_PASS_IN_RANGE)
                    : SearchStep.probe(dim.min());
        }
        double low = fit.xs[fit.safeMax];
        if (fit.unsafeMin < 0) {
            if (low >= dim.max()) return SearchStep.done(ConvergenceReason.SMOOTH_ISOTONIC_NO_FAILURE_IN_RANGE);
            return SearchStep.probe(SlaBracket.grow(dim, low));
        }
        double high = fit.xs[fit.unsafeMin];
        if (SlaBracket.narrow(dim, low, high, problem.precision())) {
            return SearchStep.done(ConvergenceReason.SMOOTH_ISOTONIC_PRECISION_REACHED);
        }
        double target = stalled(history) ? (low + high) / 2 : fit.crossing();
        double v = SlaBracket.inside(dim, low, high, target);
        if (Double.isNaN(v)) return SearchStep.done(ConvergenceReason.SMOOTH_ISOTONIC_PRECISION_REACHED);
        if (probedAt(history, v)) v = SlaBracket.inside(dim, low, high, (low + high) / 2);
        return SearchStep.probe(v);
    }

    /** The bracket has not halved over the last two probes (interpolation creeping from one side). */
    private boolean stalled(List<Evaluation> history) {
        int n = history.size();
        if (n < 3) return false;
        double now = width(history);
        double before = width(history.subList(0, n - 2));
        return Double.isFinite(now) && Double.isFinite(before) && now > 0.5 * before;
    }

    private double width(List<Evaluation> history) {
        Fit f = fit(history);
        return f.safeMax >= 0 && f.unsafeMin >= 0 ? f.xs[f.unsafeMin] - f.xs[f.safeMax] : Double.POSITIVE_INFINITY;
    }

    @Override
    public BoundarySummary boundary(List<Evaluation> history) {
        if (history.isEmpty()) return null;
        Fit fit = fit(history);
        int fmax = fit.safeMax < 0 ? -1 : fit.lastAt(history, fit.xs[fit.safeMax]);
        int imin = fit.unsafeMin < 0 ? -1 : fit.lastAt(history, fit.xs[fit.unsafeMin]);
        String binding = fit.binding < 0 ? null : problem.slaFilters().get(fit.binding).describe();
        Double estimate = fit.safeMax >= 0 && fit.unsafeMin >= 0 ? fit.crossing() : null;
        return BoundarySummary.of(problem, history, fmax, imin, SlaBracket.of(history).anyWarning(), binding, estimate);
    }


    /** The isotonic fit of the binding margin over the distinct probed knob values. */
    Fit fit(List<Evaluation> history) {
        // pool repeated probes of one value (their mean margin, weighted by count)
        TreeMap<Double, double[]> byValue = new TreeMap<>();
        double worst = 0;
        for (Evaluation o : history) if (!o.failed()) worst = Math.max(worst, margin(o));
        for (Evaluation o : history) {
            double m = o.failed() ? worst + 1 : margin(o);
            double[] acc = byValue.computeIfAbsent(o.value(0), k -> new double[2]);
            acc[0] += m;
            acc[1] += 1;
        }
        int n = byValue.size();
        double[] xs = new double[n], ys = new double[n], ws = new double[n];
        int i = 0;
        for (var e : byValue.entrySet()) {
            xs[i] = e.getKey();
            ys[i] = e.getValue()[0] / e.getValue()[1];
            ws[i] = e.getValue()[1];
            i++;
        }
        double[] fitted = IsotonicRegression.fit(ys, ws);
        double ss = 0, w = 0;
        int blocks = 1;
        for (int k = 0; k < n; k++) {
            ss += ws[k] * (ys[k] - fitted[k]) * (ys[k] - fitted[k]);
            w += ws[k];
            if (k > 0 && fitted[k] != fitted[k - 1]) blocks++;
        }
        double sd = w - blocks > 0 ? Math.sqrt(ss / (w - blocks)) : 0;
        double[] safe = new double[n];
        int safeMax = -1, unsafeMin = -1;
        for (int k = 0; k < n; k++) {
            safe[k] = fitted[k] + problem.marginZ() * sd;
            if (safe[k] <= 0) safeMax = k;
            else if (unsafeMin < 0) unsafeMin = k;
        }
        return new Fit(xs, safe, safeMax, unsafeMin, bindingAt(history, safeMax < 0 ? Double.NaN : xs[safeMax]));
    }

    /** The largest scaled violation over the filters; an unmeasured filter counts as broken by 1. */
    private double margin(Evaluation o) {
        double m = Double.NEGATIVE_INFINITY;
        List<SlaFilter> filters = problem.slaFilters();
        for (int i = 0; i < filters.size(); i++) {
            double v = filters.get(i).scaledViolation(o.sla(i));
            m = Math.max(m, Double.isFinite(v) ? v : 1.0);
        }
        return m;
    }

    /** The filter with the least headroom at knob value x. */
    private int bindingAt(List<Evaluation> history, double x) {
        int best = -1;
        double worst = Double.NEGATIVE_INFINITY;
        for (Evaluation o : history) {
            if (o.failed() || o.value(0) != x) continue;
            for (int i = 0; i < problem.slaFilters().size(); i++) {
                double v = problem.slaFilters().get(i).scaledViolation(o.sla(i));
                if (v > worst) {
                    worst = v;
                    best = i;
                }
            }
        }
        return best;
    }

    record Fit(double[] xs, double[] safe, int safeMax, int unsafeMin, int binding) {
        /** Where the safe curve crosses zero between the bracket's ends. */
        double crossing() {
            double x0 = xs[safeMax], x1 = xs[unsafeMin], y0 = safe[safeMax], y1 = safe[unsafeMin];
            return y1 > y0 ? x0 + (0 - y0) / (y1 - y0) * (x1 - x0) : (x0 + x1) / 2;
        }

        int lastAt(List<Evaluation> history, double x) {
            for (int i = history.size() - 1; i >= 0; i--) if (history.get(i).value(0) == x) return i;
            return -1;
        }
    }
}
