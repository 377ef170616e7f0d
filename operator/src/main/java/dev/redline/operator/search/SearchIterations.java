package dev.redline.operator.search;

import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A Search's history read back from its child Benchmarks (the state): the iterations whose trials all
 * finished, as the planner's observations, and the iteration still in progress. An operator restart
 * rebuilds exactly this, so no iteration is lost or run twice.
 */
final class SearchIterations {
    /** One iteration's children by trial. */
    record Iteration(int index, Map<String, Object> values, TreeMap<Integer, Benchmark> trials) {
        boolean finished(int trialCount) {
            if (trials.size() < trialCount) return false;
            for (Benchmark b : trials.values()) if (!isFinished(b)) return false;
            return true;
        }

        Benchmark lastTrial() { return trials.lastEntry().getValue(); }
    }

    final List<Iteration> finished = new ArrayList<>();
    /** The iteration not finished yet, or null. */
    Iteration current;

    static SearchIterations of(List<Benchmark> children, int trialCount) {
        TreeMap<Integer, Iteration> byIndex = new TreeMap<>();
        for (Benchmark child : children) {
            int i = SearchChildren.label(child, SearchChildren.ITERATION_KEY);
            int t = SearchChildren.label(child, SearchChildren.TRIAL_KEY);
            Map<String, Object> values = SearchChildren.values(child);
            if (i < 0 || t < 0 || values == null) continue; // not created by this reconciler
            byIndex.computeIfAbsent(i, k -> new Iteration(k, values, new TreeMap<>())).trials().put(t, child);
        }
        SearchIterations out = new SearchIterations();
        for (Iteration it : byIndex.values()) {
            if (it.finished(trialCount)) out.finished.add(it);
            else if (out.current == null) out.current = it;
        }
        return out;
    }

    static boolean isFinished(Benchmark b) {
        BenchmarkPhase p = b.getStatus() == null ? null : b.getStatus().getPhase();
        return p != null && (p.isFinished() || p == BenchmarkPhase.Invalid);
    }

    /** The finished iterations as observations; {@code summary} reads a completed child's results. */
    List<Observation> observations(Function<Benchmark, ProfileExport> summary) {
        List<Observation> out = new ArrayList<>();
        for (Iteration it : finished) {
            List<TrialOutcome> trials = new ArrayList<>();
            it.trials().forEach((t, child) -> trials.add(outcome(t, child, summary)));
            out.add(new Observation(new Variation(it.index(), dev.redline.plan.search.AdaptiveSearch.label(it.index()),
                    it.values(), it.lastTrial().getSpec()), trials));
        }
        return out;
    }

    private static TrialOutcome outcome(int trial, Benchmark child, Function<Benchmark, ProfileExport> summary) {
        BenchmarkPhase p = child.getStatus().getPhase();
        if (p == BenchmarkPhase.Complete) {
            ProfileExport export = summary.apply(child);
            return export != null ? TrialOutcome.ok(trial, export)
                    : TrialOutcome.failed(trial, child.getMetadata().getName() + ": results could not be read");
        }
        Condition failed = child.getStatus().condition(ConditionType.Failed);
        Condition accepted = child.getStatus().condition(ConditionType.Accepted);
        String why = p == BenchmarkPhase.Invalid && accepted != null ? accepted.getMessage()
                : failed != null && failed.getMessage() != null ? failed.getMessage() : p.name();
        return TrialOutcome.failed(trial, child.getMetadata().getName() + " " + p.name().toLowerCase() + ": " + why);
    }

    int size() { return finished.size() + (current == null ? 0 : 1); }
}
