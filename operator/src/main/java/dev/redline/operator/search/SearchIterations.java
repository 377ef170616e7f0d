package dev.redline.operator.search;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.operator.children.ExperimentChildren;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

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

    static boolean isFinished(Benchmark b) { return ExperimentChildren.finished(b); }

    /** The finished iterations as observations; {@code results} fetches a child's results ConfigMap (child, name). */
    List<Observation> observations(BiFunction<Benchmark, String, ConfigMap> results) {
        List<Observation> out = new ArrayList<>();
        for (Iteration it : finished) {
            List<TrialOutcome> trials = new ArrayList<>();
            it.trials().forEach((t, child) -> trials.add(ExperimentChildren.outcome(t, child, name -> results.apply(child, name))));
            out.add(new Observation(new Variation(it.index(), dev.redline.plan.search.AdaptiveSearch.label(it.index()),
                    it.values(), it.lastTrial().getSpec()), trials));
        }
        return out;
    }

    int size() { return finished.size() + (current == null ? 0 : 1); }
}
