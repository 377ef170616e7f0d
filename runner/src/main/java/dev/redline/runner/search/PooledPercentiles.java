package dev.redline.runner.search;

import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.search.Evaluations;
import dev.redline.plan.search.Objective;
import dev.redline.plan.search.SearchProblem;
import dev.redline.runner.experiment.ExperimentLayout;
import dev.redline.runner.experiment.RequestSamples;
import dev.redline.runner.stats.Statistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --search-percentile-pooling pooled}: a percentile objective over every request of an iteration's
 * successful trials (read from their {@code profile_export.jsonl}), instead of the mean of per-trial
 * percentiles; AIPerf's linear-interpolated percentile. Without per-request records the trial mean stays.
 */
final class PooledPercentiles implements Function<Observation, Map<String, Double>> {
    private final SearchProblem problem;
    private final ExperimentLayout layout;

    private PooledPercentiles(SearchProblem problem, ExperimentLayout layout) {
        this.problem = problem;
        this.layout = layout;
    }

    static Function<Observation, Map<String, Double>> of(AdaptiveSearchSpec.Pooling pooling, SearchProblem problem, ExperimentLayout layout) {
        return pooling == AdaptiveSearchSpec.Pooling.POOLED ? new PooledPercentiles(problem, layout) : o -> Map.of();
    }

    @Override
    public Map<String, Double> apply(Observation o) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Objective obj : problem.objectives()) {
            if (!obj.stat().startsWith("p")) continue;
            double q = Double.parseDouble(obj.stat().substring(1));
            double[] pool = new double[0];
            for (TrialOutcome t : o.successful()) {
                double[] v = RequestSamples.of(layout.cellDir(o.variation(), t.trial()).resolve(RequestSamples.FILE), obj.metric());
                double[] joined = Arrays.copyOf(pool, pool.length + v.length);
                System.arraycopy(v, 0, joined, pool.length, v.length);
                pool = joined;
            }
            if (pool.length == 0) continue;
            Arrays.sort(pool);
            out.put(Evaluations.key(obj.metric(), obj.stat()), Statistics.percentile(pool, pool.length, q));
        }
        return out;
    }
}
