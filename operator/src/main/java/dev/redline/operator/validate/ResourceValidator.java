package dev.redline.operator.validate;

import dev.redline.api.v1alpha1.BaselineRef;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.ObjectStoreSpec;
import dev.redline.api.v1alpha1.RegressionSpec;
import dev.redline.api.v1alpha1.SloSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.compare.MetricGate;
import dev.redline.operator.children.RunnerResources;
import dev.redline.operator.status.SloEvaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a Benchmark: the shared {@link SpecValidator} rules for the benchmark itself, plus the
 * cluster-only fields. Paths are prefixed with {@code spec.} so the message points into the CR.
 */
public final class ResourceValidator {
    /** Runner pod hostnames are {@code <name>-<run>-<index>} and must stay a DNS label (63): room for a 6-digit run. */
    public static final int MAX_NAME_LENGTH = 52;

    private ResourceValidator() { }

    public static List<Violation> validate(Benchmark bm) {
        List<Violation> out = new ArrayList<>();
        String name = bm.getMetadata().getName();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            out.add(new Violation("metadata.name", "is " + name.length() + " characters; use at most " + MAX_NAME_LENGTH
                    + " so runner pod hostnames stay valid DNS labels"));
        }
        BenchmarkResourceSpec spec = bm.getSpec();
        if (spec == null) {
            out.add(new Violation("spec", "is missing; give at least endpoint and models (see config/samples)"));
            return out;
        }
        for (Violation v : SpecValidator.validate(spec)) out.add(new Violation("spec." + v.path(), v.message()));
        String cpu = RunnerResources.cpuMismatch(spec.resolvedRunners().getResources());
        if (cpu != null) out.add(new Violation("spec.runners.resources", cpu));
        List<SloSpec> slos = spec.resolvedSlo();
        for (int i = 0; i < slos.size(); i++) {
            SloSpec slo = slos.get(i);
            String path = "spec.slo[" + i + "]";
            if (slo.getMetric() == null || !SloEvaluator.metrics().contains(slo.getMetric())) {
                out.add(new Violation(path + ".metric", "unknown metric '" + slo.getMetric() + "'; use one of "
                        + String.join(", ", SloEvaluator.metrics())));
            }
            if (slo.getThreshold() == null) out.add(new Violation(path + ".threshold", "is missing; give the limit in the metric's unit"));
        }
        ObjectStoreSpec store = spec.resolvedOutput().getObjectStore();
        if (store != null) {
            if (blank(store.getEndpoint())) out.add(new Violation("spec.output.objectStore.endpoint", "is missing; give the S3 endpoint URL"));
            if (blank(store.getBucket())) out.add(new Violation("spec.output.objectStore.bucket", "is missing; give an existing bucket"));
            if (store.getCredentialsSecretRef() != null && blank(store.getCredentialsSecretRef().getName())) {
                out.add(new Violation("spec.output.objectStore.credentialsSecretRef.name", "is missing; name the Secret with the S3 keys"));
            }
        }
        gate(spec, out);
        if (spec.getApiKeySecretRef() != null && blank(spec.getApiKeySecretRef().getName())) {
            out.add(new Violation("spec.apiKeySecretRef.name", "is missing; name the Secret that holds the API key"));
        }
        return out;
    }

    /** The regression gate: a baseline named once, and gated figures the comparison knows. */
    private static void gate(BenchmarkResourceSpec spec, List<Violation> out) {
        BaselineRef ref = spec.getBaselineRef();
        if (ref != null) {
            if ((ref.getBenchmark() == null) == (ref.getConfigMap() == null)) {
                out.add(new Violation("spec.baselineRef", "name either a baseline benchmark or a configMap, exactly one"));
            }
            if (ref.getRun() != null && ref.getBenchmark() == null) {
                out.add(new Violation("spec.baselineRef.run", "selects a run of baselineRef.benchmark; set benchmark"));
            }
        }
        RegressionSpec regression = spec.getRegression();
        if (regression == null) return;
        if (ref == null) out.add(new Violation("spec.regression", "needs baselineRef: name the baseline Benchmark or ConfigMap to compare with"));
        List<String> metrics = regression.getMetrics() == null ? List.of() : regression.getMetrics();
        for (int i = 0; i < metrics.size(); i++) {
            try {
                MetricGate.parse(metrics.get(i), regression.resolvedTolerancePercent());
            } catch (IllegalArgumentException e) {
                out.add(new Violation("spec.regression.metrics[" + i + "]", e.getMessage()));
            }
        }
    }

    /** One line for the condition message and the Event: the first problems, then how many more. */
    public static String summarize(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(3, violations.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) sb.append("; ");
            sb.append(violations.get(i));
        }
        if (violations.size() > shown) sb.append(" (and ").append(violations.size() - shown).append(" more)");
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
