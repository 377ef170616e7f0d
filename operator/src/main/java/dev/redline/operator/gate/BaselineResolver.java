package dev.redline.operator.gate;

import dev.redline.api.v1alpha1.BaselineRef;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.RunRecord;
import dev.redline.operator.runs.RunHistory;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.util.function.BiFunction;

/**
 * Finds the ConfigMap whose {@code samples.json} is a run's baseline: a ConfigMap named by
 * spec.baselineRef.configMap, or the results of a Benchmark's run (its current one once Complete, one of
 * its history, or, for the Benchmark itself, its previous run). When there is none yet, says why in one
 * line naming the field, and whether waiting may help.
 */
final class BaselineResolver {
    /** Either the baseline's ConfigMap or the problem. */
    record Baseline(String description, ConfigMap configMap, ConditionReason problem, String message, boolean mayAppear) {
        static Baseline found(String description, ConfigMap cm) { return new Baseline(description, cm, null, null, false); }
        static Baseline missing(ConditionReason why, String message, boolean mayAppear) { return new Baseline(null, null, why, message, mayAppear); }
    }

    private final BiFunction<String, String, ConfigMap> configMaps;
    private final BiFunction<String, String, Benchmark> benchmarks;

    /** Lookups by (namespace, name); null when the object does not exist. */
    BaselineResolver(BiFunction<String, String, ConfigMap> configMaps, BiFunction<String, String, Benchmark> benchmarks) {
        this.configMaps = configMaps;
        this.benchmarks = benchmarks;
    }

    Baseline resolve(Benchmark bm, BenchmarkStatus current) {
        BaselineRef ref = bm.getSpec().getBaselineRef();
        String ns = bm.getMetadata().getNamespace();
        if (ref.getConfigMap() != null) {
            ConfigMap cm = configMaps.apply(ns, ref.getConfigMap());
            return cm != null ? Baseline.found("ConfigMap " + ref.getConfigMap(), cm)
                    : Baseline.missing(ConditionReason.BaselineMissing, "spec.baselineRef.configMap: ConfigMap " + ref.getConfigMap()
                    + " not found in namespace " + ns + "; create it with a run's samples.json", true);
        }
        if (ref.getBenchmark().equals(bm.getMetadata().getName())) return earlierRun(ns, current, ref.getRun());
        Benchmark other = benchmarks.apply(ns, ref.getBenchmark());
        if (other == null || other.getStatus() == null) {
            return Baseline.missing(ConditionReason.BaselineMissing, "spec.baselineRef.benchmark: Benchmark " + ref.getBenchmark()
                    + " not found in namespace " + ns, true);
        }
        BenchmarkStatus s = other.getStatus();
        String who = "Benchmark " + ref.getBenchmark();
        if (ref.getRun() != null && !ref.getRun().equals(s.getRun())) return archived(ns, who, s, ref.getRun());
        int run = s.getRun() == null ? 1 : s.getRun();
        if (s.getPhase() == BenchmarkPhase.Complete) return lookUp(ns, who + " run " + run, s.getResultsConfigMap(), "spec.baselineRef.benchmark");
        if (s.getPhase() == null || !s.getPhase().isFinished()) {
            return Baseline.missing(ConditionReason.AwaitingBaseline, who + " run " + run + " has not completed yet ("
                    + (s.getPhase() == null ? "no status" : s.getPhase()) + ")", true);
        }
        return Baseline.missing(ConditionReason.BaselineMissing, "spec.baselineRef.benchmark: " + who + " run " + run + " ended "
                + s.getPhase() + ", not Complete: it is no baseline", true);
    }

    /** This Benchmark's own earlier run: {@code run}, or the one before the current. */
    private Baseline earlierRun(String ns, BenchmarkStatus current, Integer run) {
        int now = current.getRun() == null ? 1 : current.getRun();
        int wanted = run != null ? run : now - 1;
        if (wanted < 1) {
            return Baseline.missing(ConditionReason.NoEarlierRun, "spec.baselineRef.benchmark names this Benchmark, whose run " + now
                    + " is its first: there is no earlier run to compare with yet", false);
        }
        if (wanted >= now) {
            return Baseline.missing(ConditionReason.BaselineMissing, "spec.baselineRef.run: " + wanted
                    + " is not an earlier run of this Benchmark (the current run is " + now + ")", false);
        }
        return archived(ns, "this Benchmark", current, wanted);
    }

    private Baseline archived(String ns, String who, BenchmarkStatus s, int run) {
        RunRecord r = RunHistory.find(s.getHistory(), run);
        if (r == null) {
            return Baseline.missing(ConditionReason.BaselineMissing, "spec.baselineRef.run: " + who + " has no run " + run
                    + " in its history (its current run is " + s.getRun() + ")", true);
        }
        if (!BenchmarkPhase.Complete.name().equals(r.getPhase()) || r.getResultsConfigMap() == null) {
            return Baseline.missing(ConditionReason.BaselineMissing, "spec.baselineRef.run: " + who + " run " + run + " ended "
                    + r.getPhase() + ", not Complete: it is no baseline", false);
        }
        return lookUp(ns, who + " run " + run, r.getResultsConfigMap(), "spec.baselineRef.run");
    }

    private Baseline lookUp(String ns, String description, String name, String field) {
        ConfigMap cm = name == null ? null : configMaps.apply(ns, name);
        return cm != null ? Baseline.found(description, cm)
                : Baseline.missing(ConditionReason.BaselineMissing, field + ": the results ConfigMap " + name + " of " + description
                + " is gone", true);
    }
}
