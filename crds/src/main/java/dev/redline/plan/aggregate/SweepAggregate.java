package dev.redline.plan.aggregate;

import dev.redline.plan.Observation;
import dev.redline.plan.ParetoFront;
import dev.redline.plan.SweepParameter;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep reduced to AIPerf's {@code profile_export_aiperf_sweep.json} content: one {@link Combination}
 * per variation with a successful trial, the best configurations (max {@code request_throughput} avg;
 * min {@code time_to_first_token} p99, else {@code request_latency} p99) and the Pareto-optimal
 * combinations over those two objectives. Failed trials are listed with their errors; {@code partial}
 * marks a sweep stopped before its last variation.
 */
public record SweepAggregate(List<Combination> combinations, int numRuns, int numSuccessfulRuns, List<FailedRun> failedRuns,
                             List<SweepParameter> parameters, int numCombinations, String sweepMode, double confidenceLevel,
                             int trialsPerValue, Best bestThroughput, Best bestLatency, List<Combination> pareto,
                             boolean partial) {
    public static final String THROUGHPUT = "request_throughput";
    public static final List<String> LATENCY_CANDIDATES = List.of("time_to_first_token", "request_latency");

    /** The best combination for one objective and its value (mean over trials). */
    public record Best(Combination combination, double metric, String unit) { }

    /**
     * @param observations    finished variations, any order
     * @param plannedVariations how many variations the sweep has (num_combinations)
     */
    public static SweepAggregate of(List<Observation> observations, int plannedVariations, String sweepMode,
                                    double confidenceLevel, int trialsPerValue, boolean partial) {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingInt(o -> o.variation().index()));
        List<Variation> variations = sorted.stream().map(Observation::variation).toList();
        List<SweepParameter> params = SweepParameter.of(variations);
        Map<String, String> names = new LinkedHashMap<>();
        params.forEach(p -> names.put(p.path(), p.name()));
        List<Combination> combos = new ArrayList<>();
        List<FailedRun> failed = new ArrayList<>();
        int runs = 0;
        int ok = 0;
        for (Observation o : sorted) {
            for (TrialOutcome t : o.trials()) {
                runs++;
                if (t.succeeded()) ok++;
                else failed.add(new FailedRun(o.variation().dirName() + "/" + t.label(), t.error() == null ? "no summary" : t.error()));
            }
            if (!o.anySucceeded()) continue;
            boolean multi = o.trials().size() > 1;
            combos.add(new Combination(o.variation(), SweepParameter.displayValues(o.variation(), names),
                    multi ? confidenceMetrics(o, confidenceLevel) : singleTrialMetrics(o.successful().get(0)), multi));
        }
        Best throughput = best(combos, THROUGHPUT, "avg", true);
        String latencyTag = latencyTag(combos);
        Best latency = latencyTag == null ? null : best(combos, latencyTag, "p99", false);
        List<Combination> front = latencyTag == null || throughput == null ? List.of() : pareto(combos, latencyTag);
        return new SweepAggregate(combos, runs, ok, failed, params, plannedVariations, sweepMode, confidenceLevel,
                trialsPerValue, throughput, latency, front, partial);
    }

    /** The latency objective: TTFT p99 when every combination has it (streaming), else request latency p99. */
    public static String latencyTag(List<Combination> combos) {
        for (String tag : LATENCY_CANDIDATES) {
            if (!combos.isEmpty() && combos.stream().allMatch(c -> c.value(tag, "p99") != null)) return tag;
        }
        return null;
    }

    private static Best best(List<Combination> combos, String tag, String stat, boolean max) {
        if (combos.isEmpty() || combos.stream().anyMatch(c -> c.value(tag, stat) == null)) return null;
        Combination best = null;
        for (Combination c : combos) {
            if (best == null || (max ? c.value(tag, stat) > best.value(tag, stat) : c.value(tag, stat) < best.value(tag, stat))) best = c;
        }
        return new Best(best, best.value(tag, stat), best.unit(tag, stat));
    }

    private static List<Combination> pareto(List<Combination> combos, String latencyTag) {
        List<double[]> points = combos.stream()
                .map(c -> new double[]{c.value(THROUGHPUT, "avg"), c.value(latencyTag, "p99")}).toList();
        return ParetoFront.indices(points, new boolean[]{true, false}).stream().map(combos::get).toList();
    }

    private static Map<String, Map<String, Object>> confidenceMetrics(Observation o, double level) {
        ConfidenceAggregate agg = ConfidenceAggregate.of(o.trials(), level, 0);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        agg.metrics().forEach((key, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean", s.mean());
            m.put("std", s.std());
            m.put("min", s.min());
            m.put("max", s.max());
            m.put("cv", s.cv());
            m.put("ci_low", s.ciLow());
            m.put("ci_high", s.ciHigh());
            m.put("unit", s.unit());
            out.put(key, m);
        });
        return out;
    }

    /** AIPerf 0.13's single-trial cell: the run's avg as mean, zero spread, the run's own min/max/percentiles. */
    private static Map<String, Map<String, Object>> singleTrialMetrics(TrialOutcome t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        t.export().metrics().forEach((tag, block) -> {
            Double avg = block.stat("avg");
            double a = avg == null ? 0 : avg;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean", a);
            m.put("avg", a);
            m.put("std", 0.0);
            m.put("min", block.stat("min") == null ? a : block.stat("min"));
            m.put("max", block.stat("max") == null ? a : block.stat("max"));
            m.put("cv", 0.0);
            m.put("ci_low", a);
            m.put("ci_high", a);
            m.put("unit", block.unit());
            for (String p : new String[]{"p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99"}) {
                if (block.stat(p) != null) m.put(p, block.stat(p));
            }
            if (block.stats().get("count") != null) m.put("count", block.stats().get("count"));
            if (block.stats().get("sum") != null) m.put("sum", block.stats().get("sum"));
            out.put(tag, m);
        });
        return out;
    }

    /** A copy keeping only the per-combination metrics whose key passes {@code keep} (for a size-limited ConfigMap). */
    public SweepAggregate onlyMetrics(java.util.function.Predicate<String> keep) {
        List<Combination> kept = new ArrayList<>();
        Map<Combination, Combination> same = new java.util.IdentityHashMap<>();
        for (Combination c : combinations) {
            Map<String, Map<String, Object>> m = new LinkedHashMap<>();
            c.metrics().forEach((k, v) -> { if (keep.test(k)) m.put(k, v); });
            Combination copy = new Combination(c.variation(), c.parameters(), m, c.multiTrial());
            kept.add(copy);
            same.put(c, copy);
        }
        Best t = bestThroughput == null ? null : new Best(same.get(bestThroughput.combination()), bestThroughput.metric(), bestThroughput.unit());
        Best l = bestLatency == null ? null : new Best(same.get(bestLatency.combination()), bestLatency.metric(), bestLatency.unit());
        return new SweepAggregate(kept, numRuns, numSuccessfulRuns, failedRuns, parameters, numCombinations, sweepMode, confidenceLevel,
                trialsPerValue, t, l, pareto.stream().map(same::get).toList(), partial);
    }
}
