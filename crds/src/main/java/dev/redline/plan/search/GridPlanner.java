package dev.redline.plan.search;

import dev.redline.plan.Knob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code grid}: evenly spaced levels on every knob (in the knob's scale, integers deduplicated), every
 * combination in order, as many levels per knob as the iteration budget allows ({@code floor(max^(1/d))},
 * at least 2). The reference the adaptive planners are measured against.
 */
public final class GridPlanner implements SearchStrategy {
    private final SearchProblem problem;
    private final List<double[]> points;

    public GridPlanner(SearchProblem problem) {
        this(problem, Math.max(2, (int) Math.floor(Math.pow(problem.stopping().maxIterations(), 1.0 / problem.space().size()) + 1e-9)));
    }

    /** @param levels levels per knob (fewer for an integer knob with fewer values) */
    public GridPlanner(SearchProblem problem, int levels) {
        if (levels < 2) throw new IllegalArgumentException("a grid needs at least 2 levels per knob, got " + levels);
        this.problem = problem;
        List<double[]> axes = new ArrayList<>();
        for (Knob d : problem.space().dimensions()) {
            Set<Double> vals = new LinkedHashSet<>();
            for (int i = 0; i < levels; i++) vals.add(d.fromUnit(i / (double) (levels - 1)));
            axes.add(vals.stream().mapToDouble(Double::doubleValue).toArray());
        }
        List<double[]> pts = new ArrayList<>();
        combine(axes, 0, new double[axes.size()], pts);
        this.points = List.copyOf(pts);
    }

    /** These points in this order (a grid or scenario recipe's cells), one value per knob each. */
    public GridPlanner(SearchProblem problem, List<double[]> points) {
        for (double[] p : points) {
            if (p.length != problem.space().size()) {
                throw new IllegalArgumentException("a point has " + p.length + " values for " + problem.space().size() + " knobs");
            }
        }
        this.problem = problem;
        this.points = points.stream().map(double[]::clone).toList();
    }

    private static void combine(List<double[]> axes, int dim, double[] cur, List<double[]> out) {
        if (dim == axes.size()) {
            out.add(cur.clone());
            return;
        }
        for (double v : axes.get(dim)) {
            cur[dim] = v;
            combine(axes, dim + 1, cur, out);
        }
    }

    @Override public SearchProblem problem() { return problem; }

    @Override public String name() { return "grid"; }

    /** The grid points, in probe order. */
    public List<double[]> points() {
        List<double[]> c = new ArrayList<>();
        for (double[] p : points) c.add(p.clone());
        return c;
    }

    @Override
    public SearchStep next(List<Evaluation> history) {
        for (double[] p : points) {
            boolean seen = false;
            for (Evaluation o : history) seen |= Arrays.equals(o.values(), p);
            if (!seen) {
                String budget = problem.stopping().budget(history);
                return budget != null ? SearchStep.done(budget) : SearchStep.probe(p);
            }
        }
        return SearchStep.done(ConvergenceReason.GRID_EXHAUSTED);
    }
}
