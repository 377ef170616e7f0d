package dev.redline.operator.children;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.plan.PlannedRun;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

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
