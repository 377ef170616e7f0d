package dev.redline.plan.search;

import dev.redline.plan.ParetoFront;

import java.util.ArrayList;
import java.util.List;

/**
 * Feasibility-first selection of the best iterations, as AIPerf's {@code best_trials}: rank among the
 * feasible scored iterations when there is one, else among all scored ones; one objective gives the
 * single best, several give the non-dominated set. Also the hypervolume of that set.
 */
public final class BestTrials {
    private BestTrials() { }

    /** Positions in {@code history} of the best iterations (empty when nothing was scored). */
    public static List<Integer> select(List<Evaluation> history, SearchProblem problem) {
        List<Integer> pool = pool(history);
        if (pool.isEmpty()) return List.of();
        if (!problem.multiObjective()) {
            Direction dir = problem.objectives().get(0).direction();
            int best = pool.get(0);
            for (int i : pool) if (dir.better(history.get(i).objective(0), history.get(best).objective(0))) best = i;
            return List.of(best);
        }
        List<double[]> pts = new ArrayList<>();
        for (int i : pool) pts.add(problem.maximized(history.get(i)));
        List<Integer> out = new ArrayList<>();
        for (int k : ParetoFront.indices(pts, Hypervolume.allMaximized(pts.get(0).length))) out.add(pool.get(k));
        return out;
    }

    /** The ranking pool: feasible scored iterations, or all scored ones when none is feasible. */
    static List<Integer> pool(List<Evaluation> history) {
        List<Integer> scored = new ArrayList<>();
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Evaluation o = history.get(i);
            if (!o.scored()) continue;
            scored.add(i);
            if (o.feasible()) feasible.add(i);
        }
        return feasible.isEmpty() ? scored : feasible;
    }

    public static int feasibleCount(List<Evaluation> history) {
        int n = 0;
        for (Evaluation o : history) if (o.feasible() && !o.failed()) n++;
        return n;
    }

    /**
     * Reference point (maximised space) for the hypervolume: each objective's configured reference, else
     * 10 % of the observed range below the worst observed value, so that the worst points still count.
     */
    public static double[] reference(List<Evaluation> history, SearchProblem problem) {
        int m = problem.objectives().size();
        double[] ref = new double[m];
        for (int k = 0; k < m; k++) {
            Objective obj = problem.objectives().get(k);
            if (obj.reference() != null) {
                ref[k] = obj.direction().toMaximized(obj.reference());
                continue;
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Evaluation o : history) {
                if (!o.scored()) continue;
                double v = obj.direction().toMaximized(o.objective(k));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo == Double.POSITIVE_INFINITY) return null;
            double pad = Math.max(0.1 * (hi - lo), 1e-9 * Math.max(1.0, Math.abs(lo)));
            ref[k] = lo - pad;
        }
        return ref;
    }

    /** Hypervolume of the best set of {@code history} against {@code reference} (0 when nothing scored). */
    public static double hypervolume(List<Evaluation> history, SearchProblem problem, double[] reference) {
        if (reference == null) return 0.0;
        List<double[]> pts = new ArrayList<>();
        for (int i : select(history, problem)) pts.add(problem.maximized(history.get(i)));
        return Hypervolume.of(pts, reference);
    }
}
