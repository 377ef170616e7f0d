package dev.redline.operator.search;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchPhase;
import dev.redline.api.v1alpha1.SearchStatus;
import dev.redline.plan.DotPath;
import dev.redline.plan.search.BestTrials;
import dev.redline.plan.search.BoundarySummary;
import dev.redline.plan.search.Evaluation;
import dev.redline.plan.search.SearchProblem;
import dev.redline.plan.search.SearchStrategy;
import dev.redline.operator.status.Conditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Search's status, recomputed from its children's evaluations and what the reconciler decided. */
final class SearchStatusComputer {
    /** What this reconcile found or did. */
    record Facts(SearchIterations iterations, List<Evaluation> evaluations, String convergenceReason, boolean cancelled,
                 boolean coolingDown, String failure, String startTime) { }

    private SearchStatusComputer() { }

    static SearchStatus invalid(Search s, String message, String now) {
        SearchStatus st = new SearchStatus();
        st.setObservedGeneration(s.getMetadata().getGeneration());
        st.setPhase(SearchPhase.Invalid);
        Conditions c = new Conditions(previous(s), generation(s), now);
        c.set(ConditionType.Accepted, Conditions.FALSE, ConditionReason.SpecInvalid, message);
        c.set(ConditionType.Running, Conditions.FALSE, ConditionReason.SearchFinished, "nothing was started");
        c.set(ConditionType.Complete, Conditions.FALSE, ConditionReason.SpecInvalid, "fix the spec");
        c.set(ConditionType.Failed, Conditions.FALSE, ConditionReason.NoFailure, "nothing ran");
        st.setConditions(c.list());
        return st;
    }

    static SearchStatus compute(Search s, SearchStrategy strategy, Facts f, String now) {
        SearchProblem p = strategy.problem();
        SearchStatus st = new SearchStatus();
        st.setObservedGeneration(s.getMetadata().getGeneration());
        st.setPlanner(strategy.name());
        st.setResultsConfigMap(SearchChildren.historyConfigMap(s));
        st.setProgress(f.evaluations().size() + "/" + p.stopping().maxIterations());
        st.setStartTime(f.startTime());
        List<SearchStatus.Iteration> its = new ArrayList<>();
        for (int i = 0; i < f.evaluations().size(); i++) {
            its.add(iteration(p, f.evaluations().get(i), f.iterations().finished.get(i)));
        }
        SearchIterations.Iteration cur = f.iterations().current;
        if (cur != null) {
            SearchStatus.Iteration it = new SearchStatus.Iteration();
            it.setIndex(cur.index());
            it.setBenchmarks(names(cur));
            it.setValues(doubles(cur.values()));
            it.setPhase("Running");
            its.add(it);
        }
        st.setIterations(its);
        st.setBest(best(p, f.evaluations()));
        st.setBoundary(boundary(p, strategy.boundary(f.evaluations())));
        st.setConvergenceReason(f.convergenceReason());

        boolean running = cur != null;
        SearchPhase phase = f.failure() != null ? SearchPhase.Failed
                : f.cancelled() && !running ? SearchPhase.Cancelled
                : f.convergenceReason() != null ? SearchPhase.Complete
                : its.isEmpty() ? SearchPhase.Pending : SearchPhase.Running;
        st.setPhase(phase);
        if (phase.isFinished()) st.setCompletionTime(previousCompletion(s, now));

        Conditions c = new Conditions(previous(s), generation(s), now);
        c.set(ConditionType.Accepted, Conditions.TRUE, ConditionReason.SpecValid, "planner " + strategy.name() + ", up to "
                + p.stopping().maxIterations() + " iterations");
        if (running) {
            c.set(ConditionType.Running, Conditions.TRUE, ConditionReason.IterationRunning,
                    "iteration " + cur.index() + " (" + knob(cur.values()) + ") runs as " + String.join(", ", names(cur)));
        } else if (f.coolingDown()) {
            c.set(ConditionType.Running, Conditions.TRUE, ConditionReason.CoolingDown, "cooldown before iteration " + f.evaluations().size());
        } else if (phase.isFinished()) {
            c.set(ConditionType.Running, Conditions.FALSE, ConditionReason.SearchFinished, "no iteration runs");
        } else {
            c.set(ConditionType.Running, Conditions.FALSE, ConditionReason.RunnersPending, "the next iteration is being created");
        }
        if (phase == SearchPhase.Complete) {
            SearchStatus.Best b = st.getBest();
            c.set(ConditionType.Complete, Conditions.TRUE, ConditionReason.Converged, f.convergenceReason() + " after "
                    + f.evaluations().size() + " iterations" + (b == null ? "; nothing was measured" : "; best " + b.getKnob()
                    + (Boolean.TRUE.equals(b.getFeasible()) ? "" : " (no iteration met every SLA)")));
        } else {
            c.set(ConditionType.Complete, Conditions.FALSE, ConditionReason.InProgress, st.getProgress() + " iterations");
        }
        if (f.failure() != null) c.set(ConditionType.Failed, Conditions.TRUE, ConditionReason.IterationNotCreated, f.failure());
        else if (phase == SearchPhase.Cancelled) c.set(ConditionType.Failed, Conditions.TRUE, ConditionReason.Cancelled,
                "spec.cancel is set; " + f.evaluations().size() + " iterations kept in " + st.getResultsConfigMap());
        else c.set(ConditionType.Failed, Conditions.FALSE, ConditionReason.NoFailure, "no failure");
        st.setConditions(c.list());
        return st;
    }

    private static SearchStatus.Iteration iteration(SearchProblem p, Evaluation e, SearchIterations.Iteration it) {
        SearchStatus.Iteration out = new SearchStatus.Iteration();
        out.setIndex(e.index());
        out.setBenchmarks(names(it));
        out.setValues(doubles(it.values()));
        if (e.scored()) {
            List<Double> o = new ArrayList<>();
            for (double v : e.objectives()) o.add(v);
            out.setObjectives(o);
        }
        out.setFeasible(e.feasible());
        out.setPhase(e.failed() ? "Failed" : "Complete");
        out.setError(e.error());
        return out;
    }

    private static SearchStatus.Best best(SearchProblem p, List<Evaluation> evals) {
        List<Integer> best = BestTrials.select(evals, p);
        if (best.isEmpty()) return null;
        Evaluation e = evals.get(best.get(0));
        SearchStatus.Best b = new SearchStatus.Best();
        b.setIteration(e.index());
        Map<String, Object> values = new LinkedHashMap<>(p.space().valuesByPath(e.values()));
        b.setValues(doubles(values));
        b.setKnob(knob(values));
        b.setObjective(e.objective(0));
        b.setFeasible(e.feasible());
        if (p.multiObjective()) b.setParetoSize(best.size());
        return b;
    }

    private static SearchStatus.Boundary boundary(SearchProblem p, BoundarySummary b) {
        if (b == null) return null;
        SearchStatus.Boundary out = new SearchStatus.Boundary();
        out.setPath(b.sweptDimPath());
        if (b.feasibleMax() != null) out.setFeasibleMax(b.feasibleMax().value());
        if (b.infeasibleMin() != null) {
            out.setInfeasibleMin(b.infeasibleMin().value());
            int k = b.infeasibleMin().firstBreach();
            if (k >= 0) out.setFirstBreach(p.observedFilters().get(k).describe());
        }
        out.setNonMonotonic(b.nonMonotonicWarning());
        return out;
    }

    /** {@code concurrency=137, rate=2.5}. */
    static String knob(Map<String, ?> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(DotPath.parse(k, "status").name() + "=" + dev.redline.plan.ValueText.of(v)));
        return String.join(", ", parts);
    }

    private static Map<String, Double> doubles(Map<String, ?> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    private static List<String> names(SearchIterations.Iteration it) {
        return it.trials().values().stream().map(Benchmark::getMetadata).map(m -> m.getName()).toList();
    }

    private static List<io.fabric8.kubernetes.api.model.Condition> previous(Search s) {
        return s.getStatus() == null ? List.of() : s.getStatus().getConditions();
    }

    private static long generation(Search s) {
        return s.getMetadata().getGeneration() == null ? 0 : s.getMetadata().getGeneration();
    }

    private static String previousCompletion(Search s, String now) {
        return s.getStatus() != null && s.getStatus().getCompletionTime() != null ? s.getStatus().getCompletionTime() : now;
    }
}
