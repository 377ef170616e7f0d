package dev.redline.operator.status;

import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.api.v1alpha1.SloResult;
import dev.redline.api.v1alpha1.SloSpec;
import dev.redline.api.v1alpha1.StatSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Judges spec.slo against the mirrored results. Metric names are AIPerf tags. */
public final class SloEvaluator {
    private static final Map<String, Function<ResultsSummary, StatSummary>> DISTRIBUTIONS = Map.of(
            "time_to_first_token", ResultsSummary::getTimeToFirstToken,
            "inter_token_latency", ResultsSummary::getInterTokenLatency,
            "request_latency", ResultsSummary::getRequestLatency);

    private static final Map<String, Function<ResultsSummary, Number>> SCALARS = Map.of(
            "request_throughput", ResultsSummary::getRequestThroughput,
            "output_token_throughput", ResultsSummary::getOutputTokenThroughput,
            "total_token_throughput", ResultsSummary::getTotalTokenThroughput,
            "goodput", ResultsSummary::getGoodput,
            "request_error_rate", ResultsSummary::getErrorRate,
            "request_count", ResultsSummary::getRequestCount,
            "error_request_count", ResultsSummary::getErrorCount);

    private SloEvaluator() { }

    /** Every metric an SLO may name. */
    public static Set<String> metrics() {
        Set<String> all = new java.util.TreeSet<>(DISTRIBUTIONS.keySet());
        all.addAll(SCALARS.keySet());
        return all;
    }

    public static List<SloResult> evaluate(List<SloSpec> slos, ResultsSummary results) {
        List<SloResult> out = new ArrayList<>();
        for (SloSpec slo : slos) {
            Double actual = actual(slo, results);
            Boolean met = actual == null ? null : slo.resolvedOperator().holds(actual, slo.getThreshold());
            out.add(new SloResult(slo.describe(), actual, met));
        }
        return out;
    }

    static Double actual(SloSpec slo, ResultsSummary results) {
        if (results == null) return null;
        Function<ResultsSummary, StatSummary> dist = DISTRIBUTIONS.get(slo.getMetric());
        if (dist != null) {
            StatSummary stats = dist.apply(results);
            return stats == null ? null : stats.get(slo.resolvedStat());
        }
        Function<ResultsSummary, Number> scalar = SCALARS.get(slo.getMetric());
        Number value = scalar == null ? null : scalar.apply(results);
        return value == null ? null : value.doubleValue();
    }
}
