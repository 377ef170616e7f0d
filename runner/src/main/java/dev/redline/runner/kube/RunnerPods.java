package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Benchmarks behind a resource (itself, or a Sweep's / Search's children) and their runner pods, by the operator's labels. */
final class RunnerPods {
    // the operator's labels on runner pods (operator ChildLabels): the Benchmark, and the component
    static final String BENCHMARK_LABEL = "redline.dev/benchmark";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    private RunnerPods() { }

    /** The names of the Benchmarks whose pods run for {@code ref}: the Benchmark itself, or every child of a Sweep or Search. */
    static List<String> benchmarkNames(KubeConnection conn, LastDeployed.Ref ref) {
        List<String> owners = new ArrayList<>(List.of(ref.name()));
        if (!ref.kind().equals(KubeKind.BENCHMARK.kind())) {
            for (Benchmark b : children(conn, ref)) owners.add(b.getMetadata().getName());
        }
        return owners;
    }

    /** A Sweep's or Search's child Benchmarks, by name. */
    static List<Benchmark> children(KubeConnection conn, LastDeployed.Ref ref) {
        String label = ref.kind().equals(KubeKind.SWEEP.kind()) ? "redline.dev/sweep" : "redline.dev/search";
        return KubeApi.call(conn, () -> conn.client().resources(Benchmark.class).inNamespace(ref.namespace()).withLabel(label, ref.name())
                .list().getItems()).stream().sorted(Comparator.comparing(b -> b.getMetadata().getName())).toList();
    }

    /** The runner pods of these Benchmarks, by name. */
    static List<Pod> of(KubeConnection conn, String namespace, List<String> benchmarks) {
        return KubeApi.call(conn, () -> conn.client().pods().inNamespace(namespace)
                .withLabelIn(BENCHMARK_LABEL, benchmarks.toArray(String[]::new)).withLabel(COMPONENT_LABEL, "runner").list().getItems())
                .stream()
                // the set-based selector, again here: a server (or test double) that ignores `in` must not add strangers
                .filter(p -> p.getMetadata().getLabels() != null && benchmarks.contains(p.getMetadata().getLabels().get(BENCHMARK_LABEL)))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }
}
