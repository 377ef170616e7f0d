package dev.redline.runner.netlatency;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.stats.Statistics;
import dev.redline.runner.stats.Stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probes' statistics per target and over all targets (AIPerf's NetworkLatencyAccumulator): min, mean, median,
 * p90, p99 and population stddev of the successful RTTs in ns, with probe, success and failure counts. The mean over
 * every successful probe of every target is the RTT the run subtracts. Not thread-safe: the prober serialises adds.
 */
public final class RttSummary {
    private final Map<String, ProbeTarget> targets = new LinkedHashMap<>();
    private final Map<String, List<Long>> rtts = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final Map<String, Integer> errors = new LinkedHashMap<>();

    public void add(RttSample s) {
        String key = s.target().key();
        targets.putIfAbsent(key, s.target());
        List<Long> list = rtts.computeIfAbsent(key, k -> new ArrayList<>());
        if (s.success()) {
            list.add(s.rttNs());
        } else {
            failures.merge(key, 1, Integer::sum);
            errors.merge(s.errorType() + ": " + s.errorMessage(), 1, Integer::sum);
        }
    }

    /** Successful probes of one target. */
    public int successes(ProbeTarget t) {
        List<Long> list = rtts.get(t.key());
        return list == null ? 0 : list.size();
    }

    /** Successful probes of every target. */
    public int successes() {
        return rtts.values().stream().mapToInt(List::size).sum();
    }

    /** Mean RTT in ns over every successful probe, or NaN when none succeeded. */
    public double meanRttNs() {
        Stats s = stats(all());
        return s == null ? Double.NaN : s.avg();
    }

    private double[] all() {
        return rtts.values().stream().flatMap(List::stream).mapToDouble(Long::doubleValue).toArray();
    }

    private static Stats stats(double[] values) {
        return Statistics.of(values, values.length);
    }

    /**
     * AIPerf's NetworkLatencyResults: {@code target_summaries} by host:port, then the totals and the stats over all
     * targets, then {@code error_summary}.
     */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode perTarget = out.putObject("target_summaries");
        int count = 0;
        int failed = 0;
        for (Map.Entry<String, ProbeTarget> e : targets.entrySet()) {
            ObjectNode t = perTarget.putObject(e.getKey());
            t.put("target_url", e.getValue().url());
            t.put("target_host", e.getValue().host());
            t.put("target_port", e.getValue().port());
            List<Long> ok = rtts.get(e.getKey());
            int f = failures.getOrDefault(e.getKey(), 0);
            counts(t, ok.size() + f, ok.size(), f);
            stats(t, stats(ok.stream().mapToDouble(Long::doubleValue).toArray()));
            count += ok.size() + f;
            failed += f;
        }
        counts(out, count, count - failed, failed);
        stats(out, stats(all()));
        var errorSummary = out.putArray("error_summary");
        errors.forEach((what, n) -> errorSummary.addObject().put("error", what).put("count", n));
        return out;
    }

    private static void counts(ObjectNode n, int count, int success, int failure) {
        n.put("count", count);
        n.put("success_count", success);
        n.put("failure_count", failure);
    }

    private static void stats(ObjectNode n, Stats s) {
        String[] keys = {"min_ns", "mean_ns", "median_ns", "p90_ns", "p99_ns", "stddev_ns"};
        double[] values = s == null ? null : new double[] {s.min(), s.avg(), s.p50(), s.p90(), s.p99(), s.std()};
        for (int i = 0; i < keys.length; i++) {
            if (values == null) n.putNull(keys[i]);
            else n.put(keys[i], values[i]);
        }
    }
}
