package dev.redline.plan.search;

import java.util.ArrayList;
import java.util.List;

/**
 * When a search stops, AIPerf's three signals: the iteration budget, improvement patience (iterations
 * without a new feasibility-first best; for several objectives, without a larger hypervolume) and a CV
 * plateau (the last {@code plateauWindow} iterations all scored, primary objective CV below the
 * threshold). The SLA planners use only the budget and their own bracket precision.
 */
public record StoppingRules(int maxIterations, int improvementPatience, int plateauWindow, double plateauThreshold) {
    public static final int MIN_ITERATIONS = 2;
    public static final int MAX_ITERATIONS = 200;
    public static final int DEFAULT_PATIENCE = 10;
    public static final int DEFAULT_PLATEAU_WINDOW = 8;
    public static final double DEFAULT_PLATEAU_THRESHOLD = 0.01;
    /** Below this |mean| a CV means nothing (AIPerf refuses a plateau there too). */
    private static final double PLATEAU_MEAN_EPSILON = 1e-9;

    public StoppingRules {
        if (maxIterations < MIN_ITERATIONS || maxIterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("max iterations must be in " + MIN_ITERATIONS + ".." + MAX_ITERATIONS + ", got " + maxIterations);
        }
        if (improvementPatience < 2) throw new IllegalArgumentException("improvement patience must be >= 2, got " + improvementPatience);
        if (plateauWindow < 2) throw new IllegalArgumentException("plateau window must be >= 2, got " + plateauWindow);
        if (!(plateauThreshold > 0) || !Double.isFinite(plateauThreshold)) {
            throw new IllegalArgumentException("plateau threshold must be a number > 0, got " + plateauThreshold);
        }
    }

    public static StoppingRules defaults(int maxIterations) {
        return new StoppingRules(maxIterations, DEFAULT_PATIENCE, DEFAULT_PLATEAU_WINDOW, DEFAULT_PLATEAU_THRESHOLD);
    }

    /** {@code max_iterations} when the budget is spent, else null. */
    public String budget(List<Evaluation> history) {
        return history.size() >= maxIterations ? ConvergenceReason.MAX_ITERATIONS : null;
    }

    /** The first of budget, patience, plateau that fires, else null. */
    public String check(List<Evaluation> history, SearchProblem problem) {
        String b = budget(history);
        if (b != null) return b;
        if (iterationsSinceImprovement(history, problem) >= improvementPatience) return ConvergenceReason.IMPROVEMENT_PATIENCE;
        if (plateau(history)) return ConvergenceReason.PLATEAU_CV;
        return null;
    }

    /** Iterations since the feasibility-first incumbent last got strictly better (all of them if it never did). */
    public static int iterationsSinceImprovement(List<Evaluation> history, SearchProblem problem) {
        double[] ref = problem.multiObjective() ? BestTrials.reference(history, problem) : null;
        double[] prev = {-1, Double.NEGATIVE_INFINITY};
        int lastImproved = 0;
        List<Evaluation> prefix = new ArrayList<>();
        for (int k = 0; k < history.size(); k++) {
            prefix.add(history.get(k));
            double[] score = incumbent(prefix, problem, ref);
            if (score != null && better(score, prev)) {
                prev = score;
                lastImproved = k + 1;
            }
        }
        return history.size() - lastImproved;
    }

    /** (1 if feasible else 0, best value or hypervolume); null when nothing is scored yet. */
    private static double[] incumbent(List<Evaluation> prefix, SearchProblem problem, double[] ref) {
        List<Integer> best = BestTrials.select(prefix, problem);
        if (best.isEmpty()) return null;
        double feasible = prefix.get(best.get(0)).feasible() ? 1 : 0;
        double value = problem.multiObjective()
                ? BestTrials.hypervolume(prefix, problem, ref)
                : problem.objectives().get(0).direction().toMaximized(prefix.get(best.get(0)).objective(0));
        return new double[] {feasible, value};
    }

    private static boolean better(double[] a, double[] b) {
        if (a[0] != b[0]) return a[0] > b[0];
        return a[1] > b[1] + 1e-12 * Math.max(1.0, Math.abs(b[1]));
    }

    /** The last window iterations all scored and the primary objective's sample CV is under the threshold. */
    public boolean plateau(List<Evaluation> history) {
        if (history.size() < plateauWindow) return false;
        double sum = 0;
        double[] v = new double[plateauWindow];
        for (int i = 0; i < plateauWindow; i++) {
            Evaluation o = history.get(history.size() - plateauWindow + i);
            if (!o.scored()) return false;
            v[i] = o.objective(0);
            sum += v[i];
        }
        double mean = sum / plateauWindow;
        if (Math.abs(mean) < PLATEAU_MEAN_EPSILON) return false;
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        double cv = Math.sqrt(ss / (plateauWindow - 1)) / Math.abs(mean);
        return cv < plateauThreshold;
    }
}
