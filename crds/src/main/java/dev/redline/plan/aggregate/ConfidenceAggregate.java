package dev.redline.plan.aggregate;

import dev.redline.api.results.MetricBlock;
import dev.redline.plan.TrialOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one variation reduced to confidence statistics
 * ({@code aggregate/profile_export_redline_aggregate.json}): for every statistic of every metric that a
 * successful run reports, keyed {@code <tag>_<stat>} as AIPerf keys them, the {@link ConfidenceStats}
 * over the successful runs (non-finite values skipped), plus the failed runs with their errors.
 */
public record ConfidenceAggregate(Map<String, ConfidenceStats> metrics, int numRuns, int numSuccessfulRuns,
                                  List<FailedRun> failedRuns, List<String> runLabels, double confidenceLevel,
                                  double cooldownSeconds) {
    /** AIPerf's statistics, in its order (no {@code count}). */
    public static final List<String> STAT_KEYS = List.of("avg", "min", "max", "sum", "p1", "p5", "p10", "p25", "p50",
            "p75", "p90", "p95", "p99", "std");

    public ConfidenceAggregate {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        failedRuns = List.copyOf(failedRuns);
        runLabels = List.copyOf(runLabels);
    }

    public static ConfidenceAggregate of(List<TrialOutcome> trials, double confidenceLevel, double cooldownSeconds) {
        List<TrialOutcome> ok = trials.stream().filter(TrialOutcome::succeeded).toList();
        List<FailedRun> failed = new ArrayList<>();
        for (TrialOutcome t : trials) if (!t.succeeded()) failed.add(new FailedRun(t.label(), t.error() == null ? "no summary" : t.error()));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (TrialOutcome t : ok) {
            for (Map.Entry<String, MetricBlock> m : t.export().metrics().entrySet()) {
                for (String stat : STAT_KEYS) {
                    Double v = m.getValue().stat(stat);
                    if (v == null || !Double.isFinite(v)) continue;
                    String key = m.getKey() + "_" + stat;
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                    units.putIfAbsent(key, m.getValue().unit());
                }
            }
        }
        Map<String, ConfidenceStats> stats = new LinkedHashMap<>();
        values.forEach((key, v) -> stats.put(key, ConfidenceStats.of(v, confidenceLevel, units.get(key))));
        return new ConfidenceAggregate(stats, trials.size(), ok.size(), failed, ok.stream().map(TrialOutcome::label).toList(),
                confidenceLevel, cooldownSeconds);
    }

    public ConfidenceStats metric(String tag, String stat) {
        return metrics.get(tag + "_" + stat);
    }
}
