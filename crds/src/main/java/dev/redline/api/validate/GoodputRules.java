package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.Map;
import java.util.Set;

/** Goodput SLOs name metrics that goodput can judge per request. */
final class GoodputRules implements ValidationRule {
    /** Per-record metrics a goodput SLO may name (AIPerf tags). */
    static final Set<String> SLO_METRICS = Set.of(BenchmarkSpec.GOODPUT_METRICS.split(","));

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        Map<String, Double> goodput = spec.getGoodput();
        if (goodput == null) return;
        for (Map.Entry<String, Double> e : goodput.entrySet()) {
            String path = "goodput." + e.getKey();
            if (!SLO_METRICS.contains(e.getKey())) {
                out.add(path, "unknown metric '" + e.getKey() + "'" + Suggestions.didYouMean(e.getKey(), SLO_METRICS)
                        + "; use one of " + String.join(", ", new java.util.TreeSet<>(SLO_METRICS)));
            } else if (e.getValue() == null || !(e.getValue() >= 0)) {
                out.add(path, "threshold must be a number >= 0, got " + e.getValue());
            }
        }
    }
}
