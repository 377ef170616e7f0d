package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Benchmarks behind a resource (itself, or a Sweep's / Search's children) and their runner pods, by the operator's labels. */
final class RunnerPods {
    // the operator's labels on runner pods (operator ChildLabels): the Benchmark, and the component
    static final String BENCHMARK_LABEL = "redline.dev/benchmark";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    // the operator's labels on a Sweep's / Search's child Benchmarks (operator SweepNames, SearchChildren)
    static final String SWEEP_LABEL = "redline.dev/sweep";
    static final String SWEEP_CELL_LABEL = "redline.dev/sweep-cell";
    static final String SWEEP_TRIAL_LABEL = "redline.dev/sweep-trial";
    static final String SEARCH_LABEL = "redline.dev/search";
    static final String SEARCH_ITERATION_LABEL = "redline.dev/search-iteration";
    static final String SEARCH_TRIAL_LABEL = "redline.dev/search-trial";

    private RunnerPods() { }

    /** The names of the Benchmarks whose pods run for {@code ref}: the Benchmark itself, or every child of a Sweep or Search. */
    static List<String> benchmarkNames(KubeConnection conn, LastDeployed.Ref ref) {
        List<String> owners = new ArrayList<>(List.of(ref.name()));
        if (!ref.kind().equals(KubeKind.BENCHMARK.kind())) {
            for (Benchmark b : children(conn, ref)) owners.add(b.getMetadata().getName());
        }
        return owners;
    }

    /** A Sweep's or Search's child Benchmarks, in cell (iteration) then trial order. */
    static List<Benchmark> children(KubeConnection conn, LastDeployed.Ref ref) {
        return children(conn, ref, null, null);
    }

    /** As {@link #children(KubeConnection, LastDeployed.Ref)}, only those of {@code variation} / {@code trial} when given. */
    static List<Benchmark> children(KubeConnection conn, LastDeployed.Ref ref, Integer variation, Integer trial) {
        boolean sweep = ref.kind().equals(KubeKind.SWEEP.kind());
        String cellLabel = sweep ? SWEEP_CELL_LABEL : SEARCH_ITERATION_LABEL;
        String trialLabel = sweep ? SWEEP_TRIAL_LABEL : SEARCH_TRIAL_LABEL;
        Map<String, String> selector = new TreeMap<>(Map.of(sweep ? SWEEP_LABEL : SEARCH_LABEL, ref.name()));
        if (variation != null) selector.put(cellLabel, Integer.toString(variation));
        if (trial != null) selector.put(trialLabel, Integer.toString(trial));
        return KubeApi.call(conn, () -> conn.client().resources(Benchmark.class).inNamespace(ref.namespace()).withLabels(selector)
                .list().getItems()).stream()
                .sorted(Comparator.comparingInt((Benchmark b) -> label(b, cellLabel)).thenComparingInt(b -> label(b, trialLabel))
                        .thenComparing(b -> b.getMetadata().getName())).toList();
    }

    private static int label(Benchmark b, String key) {
        String v = b.getMetadata().getLabels() == null ? null : b.getMetadata().getLabels().get(key);
        try {
            return v == null ? Integer.MAX_VALUE : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
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
