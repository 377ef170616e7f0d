package dev.redline.operator.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import java.util.Map;

/**
 * The ConfigMaps of a Benchmark. The spec ConfigMap carries {@value #SPEC_KEY}: the plain
 * {@link BenchmarkSpec} part of the CR (what {@code redline profile -f} reads; the cluster-only fields
 * reach the runner as environment variables). The results ConfigMap starts empty; the coordinator
 * runner writes the keys of {@link dev.redline.api.results.ResultsConfigMap} into it.
 */
public final class ConfigMapFactory {
    public static final String SPEC_KEY = "spec.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigMapFactory() { }

    public static ConfigMap spec(Benchmark bm) {
        ChildNames names = ChildNames.of(bm);
        return new ConfigMapBuilder()
                .withMetadata(Owner.meta(bm, names.specConfigMap(), "spec", names.run()))
                .withImmutable(true)
                .withData(Map.of(SPEC_KEY, specYaml(bm.getSpec())))
                .build();
    }

    /** Empty, annotated with the current run: the coordinator of that run fills it. */
    public static ConfigMap results(Benchmark bm) {
        return results(bm, ChildNames.of(bm));
    }

    /** The empty results ConfigMap of any owner (a Benchmark, or a Sweep of which the operator or its runner writes the aggregate). */
    public static ConfigMap results(io.fabric8.kubernetes.api.model.HasMetadata owner, ChildNames names) {
        ConfigMap cm = new ConfigMapBuilder()
                .withMetadata(Owner.meta(owner, names.resultsConfigMap(), "results"))
                .withData(Map.of())
                .build();
        cm.getMetadata().setAnnotations(Map.of(ResultsConfigMap.RUN_ANNOTATION, Integer.toString(names.run())));
        return cm;
    }

    /** The run the results ConfigMap's data belongs to, or null (never annotated: written before runs existed). */
    public static Integer resultsRun(ConfigMap cm) {
        String v = cm == null || cm.getMetadata().getAnnotations() == null ? null
                : cm.getMetadata().getAnnotations().get(ResultsConfigMap.RUN_ANNOTATION);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A copy of a finished run's results, kept as {@code <name>-results-<run>} when the next run starts. */
    public static ConfigMap archive(Benchmark bm, ChildNames run, Map<String, String> data) {
        ConfigMap cm = new ConfigMapBuilder()
                .withMetadata(Owner.meta(bm, run.archivedResults(), "results-archive", run.run()))
                .withImmutable(true)
                .withData(data)
                .build();
        cm.getMetadata().setAnnotations(Map.of(ResultsConfigMap.RUN_ANNOTATION, Integer.toString(run.run())));
        return cm;
    }

    /** Any model object (e.g. a Sweep's experiment envelope) as YAML, unchanged. */
    public static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
        }
    }

    static String specYaml(BenchmarkSpec spec) {
        try {
            BenchmarkSpec plain = YAML.convertValue(spec, BenchmarkSpec.class);
            return YAML.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the spec as YAML: " + e.getOriginalMessage(), e);
        }
    }
}
