package dev.redline.operator.e2e;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Benchmark-shaped helpers over a {@link RealCluster}: apply a spec with kubectl, read status, list children. */
final class Benchmarks {
    private final RealCluster cluster;

    Benchmarks(RealCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * {@code kubectl apply}s a Benchmark aimed at the mock server (streaming chat, builtin tokenizer, short
     * prompts) with the given YAML lines appended to its spec, each already indented by two spaces.
     */
    void apply(String name, String... specLines) {
        applyTo(name, cluster.mock().url(), specLines);
    }

    /** {@link #apply} against the server at {@code url}. */
    void applyTo(String name, String url, String... specLines) {
        cluster.kubectl().pipe(yaml(name, url, specLines), "apply", "-f", "-").orFail();
    }

    /** The YAML {@link #applyTo} applies. */
    String yaml(String name, String url, String... specLines) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: redline.dev/v1alpha1
                kind: Benchmark
                metadata: {name: %s, namespace: %s}
                spec:
                  models: [mock-model]
                  endpoint: {url: "%s", streaming: true}
                  tokenizer: {name: builtin}
                  dataset: {prompts: {isl: {mean: 32}, osl: {mean: 8}}}
                """.formatted(name, cluster.namespace(), url));
        for (String line : specLines) yaml.append("  ").append(line).append('\n');
        return yaml.toString();
    }

    Benchmark get(String name) {
        return client().resources(Benchmark.class).inNamespace(cluster.namespace()).withName(name).get();
    }

    BenchmarkPhase phase(String name) {
        Benchmark bm = get(name);
        return bm == null || bm.getStatus() == null ? null : bm.getStatus().getPhase();
    }

    Benchmark awaitPhase(String name, BenchmarkPhase want, Duration timeout) {
        cluster.await(name + " to be " + want, timeout, () -> {
            BenchmarkPhase now = phase(name);
            if (now != null && now != want && now.isFinished()) {
                throw new AssertionError(name + " ended " + now + " instead of " + want + ": " + get(name).getStatus().getConditions());
            }
            return now == want;
        });
        return get(name);
    }

    /** Waits until run {@code run} (status.run) is {@code want}; an earlier run's phase does not count. */
    Benchmark awaitRun(String name, int run, BenchmarkPhase want, Duration timeout) {
        cluster.await(name + " run " + run + " to be " + want, timeout, () -> {
            Benchmark bm = get(name);
            if (bm == null || bm.getStatus() == null || bm.getStatus().getRun() == null || bm.getStatus().getRun() != run) return false;
            BenchmarkPhase now = bm.getStatus().getPhase();
            if (now != null && now != want && now.isFinished()) {
                throw new AssertionError(name + " run " + run + " ended " + now + " instead of " + want + ": " + bm.getStatus().getConditions());
            }
            return now == want;
        });
        return get(name);
    }

    /** Waits until every runner pod of the Benchmark runs a process (the load is on). */
    void awaitRunnersRunning(String name, int runners, Duration timeout) {
        cluster.await(runners + " runner processes of " + name, timeout, () -> {
            List<Pod> pods = runnerPods(name);
            return pods.size() == runners && pods.stream().allMatch(p -> "Running".equals(p.getStatus().getPhase())
                    && cluster.kubelet().process(cluster.namespace(), p.getMetadata().getName()).isPresent());
        });
    }

    List<Pod> runnerPods(String name) {
        return client().pods().inNamespace(cluster.namespace()).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems();
    }

    /** Kind/name of every object labelled as the Benchmark's child (Job, pods, ConfigMaps, RBAC, Service). */
    TreeSet<String> children(String name) {
        String ns = cluster.namespace();
        KubernetesClient c = client();
        TreeSet<String> out = new TreeSet<>();
        Stream.of(c.batch().v1().jobs().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems(),
                        c.pods().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems(),
                        c.configMaps().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems(),
                        c.serviceAccounts().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems(),
                        c.rbac().roles().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems(),
                        c.rbac().roleBindings().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems(),
                        c.services().inNamespace(ns).withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems())
                .flatMap(List::stream).map(h -> ((HasMetadata) h).getKind() + "/" + h.getMetadata().getName()).forEach(out::add);
        return out;
    }

    /** Events the operator recorded on the Benchmark with this reason. */
    List<Event> events(String name, String reason) {
        return client().v1().events().inNamespace(cluster.namespace()).list().getItems().stream()
                .filter(e -> "Benchmark".equals(e.getInvolvedObject().getKind()) && name.equals(e.getInvolvedObject().getName())
                        && reason.equals(e.getReason())).toList();
    }

    private KubernetesClient client() {
        return cluster.client();
    }
}
