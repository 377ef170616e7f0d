package dev.redline.operator.children;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.plan.TrialOutcome;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.plan.PlannedRun;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The child Benchmarks of an experiment resource (a Sweep's cells, a Search's iterations), one per planned
 * run: the run's spec (variation applied, its seed, warmup only in the first trial) with the template's
 * cluster-only fields (runners, output, slo, API key) laid back over it, owned by the experiment. Never a
 * TTL: the children are the experiment's state.
 */
public final class ExperimentChildren {
    private static final ObjectMapper LENIENT = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ExperimentChildren() { }

    /** The template without its cluster-only fields: what the planners and the runner read. */
    public static BenchmarkSpec plain(BenchmarkResourceSpec template) {
        return LENIENT.convertValue(template, BenchmarkSpec.class);
    }

    /** A child that will not change any more: finished, or refused as invalid (it never runs). */
    public static boolean finished(Benchmark child) {
        BenchmarkPhase p = child.getStatus() == null ? null : child.getStatus().getPhase();
        return p != null && (p.isFinished() || p == BenchmarkPhase.Invalid);
    }

    /** A finished child as a trial: its summary when it completed, else why it failed. */
    public static TrialOutcome outcome(int trial, Benchmark child, Function<String, ConfigMap> results) {
        BenchmarkStatus s = child.getStatus();
        String cmName = ChildNames.of(child).resultsConfigMap();
        if (s.getPhase() == BenchmarkPhase.Complete) {
            ConfigMap cm = results.apply(cmName);
            ResultsConfigMap.Contents contents = ResultsConfigMap.read(cmName, cm == null ? null : cm.getData());
            ProfileExport export = contents.summary();
            if (export != null) return TrialOutcome.ok(trial, export);
            return TrialOutcome.failed(trial, child.getMetadata().getName() + ": " + contents.summaryProblem());
        }
        Condition why = s.condition(s.getPhase() == BenchmarkPhase.Invalid ? ConditionType.Accepted : ConditionType.Failed);
        String message = why != null && why.getMessage() != null ? why.getMessage() : "ended " + s.getPhase();
        return TrialOutcome.failed(trial, child.getMetadata().getName() + ": " + message);
    }

    /** @param labels the experiment's own labels (which resource, which cell or iteration, which trial) */
    public static Benchmark child(HasMetadata owner, BenchmarkResourceSpec template, PlannedRun run, String name,
                                  Map<String, String> labels, Map<String, String> annotations) {
        BenchmarkResourceSpec spec = LENIENT.convertValue(run.spec(), BenchmarkResourceSpec.class);
        spec.setRunners(template.getRunners());
        spec.setOutput(template.getOutput());
        spec.setSlo(template.getSlo());
        spec.setApiKeySecretRef(template.getApiKeySecretRef());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("app.kubernetes.io/name", "redline");
        all.put(ChildLabels.MANAGED_BY_KEY, ChildLabels.MANAGED_BY_VALUE);
        all.putAll(labels);
        Benchmark bm = new Benchmark();
        bm.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(owner.getMetadata().getNamespace())
                .withLabels(all).withAnnotations(annotations).withOwnerReferences(Owner.reference(owner)).build());
        bm.setSpec(spec);
        return bm;
    }
}
