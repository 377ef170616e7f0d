package dev.redline.operator.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.children.Owner;
import dev.redline.plan.PlannedRun;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.Map;

/**
 * The child Benchmark of one run of a perCell Sweep: the planned run's spec (its variation applied, its
 * seed, warmup only in the first run) with the template's cluster-only fields (runners, output, slo,
 * API key), owned by the Sweep. Never a TTL: the children are the Sweep's state.
 */
final class CellChildFactory {
    private static final ObjectMapper LENIENT = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CellChildFactory() { }

    static Benchmark child(Sweep sw, PlannedRun run, int trials) {
        BenchmarkResourceSpec template = sw.getSpec().getTemplate();
        BenchmarkResourceSpec spec = LENIENT.convertValue(run.spec(), BenchmarkResourceSpec.class);
        spec.setRunners(template.getRunners());
        spec.setOutput(template.getOutput());
        spec.setSlo(template.getSlo());
        spec.setApiKeySecretRef(template.getApiKeySecretRef());
        Benchmark bm = new Benchmark();
        String name = SweepNames.child(sw, run, trials);
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "redline");
        labels.put(ChildLabels.MANAGED_BY_KEY, ChildLabels.MANAGED_BY_VALUE);
        labels.put(SweepNames.SWEEP_LABEL, sw.getMetadata().getName());
        labels.put(SweepNames.CELL_LABEL, Integer.toString(run.variation().index()));
        labels.put(SweepNames.TRIAL_LABEL, Integer.toString(run.trial()));
        bm.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(sw.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(Map.of(SweepNames.VARIATION_ANNOTATION, run.variation().label()))
                .withOwnerReferences(Owner.reference(sw))
                .build());
        bm.setSpec(spec);
        return bm;
    }
}
