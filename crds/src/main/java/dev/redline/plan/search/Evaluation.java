package dev.redline.plan.search;

import java.util.Arrays;
import java.util.List;

/**
 * One finished search iteration as the search math sees it (the numeric projection of a
 * {@link dev.redline.plan.Observation}, made by {@link Evaluations}): the knob values probed, the aggregated value of
 * each objective (NaN when unmeasured), the variance of that aggregate (the squared standard error over
 * the iteration's trials; 0 for one trial), the observed value of each SLA filter's statistic, and whether
 * the iteration failed outright (no successful trial). Planners are pure functions of a list of these.
 */
public record Evaluation(int index, double[] values, double[] objectives, double[] objectiveVariances,
                          double[] slaObserved, boolean feasible, boolean failed, String error) {
    public Evaluation {
        values = values.clone();
        objectives = objectives.clone();
        objectiveVariances = objectiveVariances == null ? new double[objectives.length] : objectiveVariances.clone();
        slaObserved = slaObserved == null ? new double[0] : slaObserved.clone();
        if (objectiveVariances.length != objectives.length) {
            throw new IllegalArgumentException("one variance per objective expected");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("observation " + index + " has a non-finite knob value");
        }
        for (int i = 0; i < objectiveVariances.length; i++) {
            double v = objectiveVariances[i];
            objectiveVariances[i] = Double.isFinite(v) && v > 0 ? v : 0.0;
        }
    }

    /** A measured iteration; feasible when every filter holds on its observed value. */
    public static Evaluation measured(int index, double[] values, double[] objectives, double[] objectiveVariances,
                                       double[] slaObserved, List<SlaFilter> filters) {
        if (slaObserved.length != filters.size()) throw new IllegalArgumentException("one observed value per SLA filter expected");
        boolean feasible = true;
        for (int i = 0; i < filters.size(); i++) feasible &= filters.get(i).holds(slaObserved[i]);
        return new Evaluation(index, values, objectives, objectiveVariances, slaObserved, feasible, false, null);
    }

    /** A measured iteration of this problem: one observed value per {@link SearchProblem#observedFilters()}, judged by it. */
    public static Evaluation measured(int index, double[] values, double[] objectives, double[] objectiveVariances,
                                       double[] slaObserved, SearchProblem problem) {
        if (slaObserved.length != problem.observedFilters().size()) {
            throw new IllegalArgumentException("one observed value per SLA filter expected");
        }
        return new Evaluation(index, values, objectives, objectiveVariances, slaObserved, problem.feasible(slaObserved), false, null);
    }

    /** An iteration without a successful trial: infeasible, nothing measured. */
    public static Evaluation failed(int index, double[] values, int objectiveCount, int filterCount, String error) {
        double[] nan = new double[objectiveCount];
        Arrays.fill(nan, Double.NaN);
        double[] sla = new double[filterCount];
        Arrays.fill(sla, Double.NaN);
        return new Evaluation(index, values, nan, null, sla, false, true, error);
    }

    @Override public double[] values() { return values.clone(); }
    @Override public double[] objectives() { return objectives.clone(); }
    @Override public double[] objectiveVariances() { return objectiveVariances.clone(); }
    @Override public double[] slaObserved() { return slaObserved.clone(); }

    public double value(int dim) { return values[dim]; }

    public double objective(int i) { return objectives[i]; }

    public double objectiveVariance(int i) { return objectiveVariances[i]; }

    public double sla(int i) { return slaObserved[i]; }

    /** True when every objective has a finite value. */
    public boolean scored() {
        if (failed) return false;
        for (double o : objectives) if (!Double.isFinite(o)) return false;
        return true;
    }
}
