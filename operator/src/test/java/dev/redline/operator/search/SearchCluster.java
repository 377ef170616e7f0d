package dev.redline.operator.search;

import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.Search;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Test helpers for the Search reconciler on Fabric8's CRUD mock API server. The test plays the child
 * Benchmarks' operator and runners: it finishes a child and writes its profile export (TTFT p95 as a
 * known function of the concurrency the child was given) into the child's results ConfigMap.
 */
final class SearchCluster {
    static final String NS = "bench";

    private SearchCluster() { }

    static void installCrds(KubernetesClient client) throws Exception {
        Path root = Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
        for (String crd : List.of(Benchmark.CRD_NAME, Search.CRD_NAME)) {
            try (InputStream in = Files.newInputStream(root.resolve("crds/generated/" + crd + "-v1.yml"))) {
                CustomResourceDefinition def = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                client.apiextensions().v1().customResourceDefinitions().resource(def).createOr(c -> c.update());
            }
        }
    }

    static Operator start(KubernetesClient client) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
                .withReconciliationTerminationTimeout(Duration.ofSeconds(1))
                .withUseSSAToPatchPrimaryResource(false).withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new SearchReconciler());
        operator.start();
        return operator;
    }

    /** Highest concurrency in 1..512 with TTFT p95 < 200 ms, under {@code ttft(c) = 40 + c}: 159. */
    static Search maxConcurrency(String name, String planner) {
        return SearchFixtures.search(name, planner, 1, 512);
    }

    static Search get(KubernetesClient client, String name) {
        return client.resources(Search.class).inNamespace(NS).withName(name).get();
    }

    static List<Benchmark> children(KubernetesClient client, String search) {
        return client.resources(Benchmark.class).inNamespace(NS).withLabel(SearchChildren.SEARCH_KEY, search).list().getItems()
                .stream().sorted(java.util.Comparator.comparing(b -> b.getMetadata().getCreationTimestamp() + b.getMetadata().getName())).toList();
    }

    static Benchmark child(KubernetesClient client, String name) {
        return client.resources(Benchmark.class).inNamespace(NS).withName(name).get();
    }

    static int concurrency(Benchmark child) {
        return child.getSpec().getPhases().stream().filter(p -> p.getConcurrency() != null).findFirst().orElseThrow().getConcurrency();
    }

    /** Plays the Benchmark's runners and operator: results ConfigMap with the export, then status Complete. */
    static void complete(KubernetesClient client, Benchmark child, DoubleUnaryOperator ttftP95) {
        double c = concurrency(child);
        String export = new ProfileExport().facts("test", child.getMetadata().getName(), "2026-12-06T10:00:00Z", "2026-12-06T10:01:00Z", false)
                .putMetric("output_token_throughput", MetricBlock.scalar("tokens/sec", 10 * Math.min(c, 200)))
                .putMetric("time_to_first_token", new MetricBlock("ms", Map.of("avg", ttftP95.applyAsDouble(c) * 0.8,
                        "p95", ttftP95.applyAsDouble(c))))
                .toJson();
        String cm = child.getMetadata().getName() + "-results";
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(cm).withNamespace(NS)
                .endMetadata().withData(Map.of("summary.json", export)).build()).createOr(c2 -> c2.update());
        finish(client, child, BenchmarkPhase.Complete, cm);
    }

    static void finish(KubernetesClient client, Benchmark child, BenchmarkPhase phase, String resultsConfigMap) {
        Benchmark live = child(client, child.getMetadata().getName());
        BenchmarkStatus st = new BenchmarkStatus();
        st.setPhase(phase);
        st.setResultsConfigMap(resultsConfigMap);
        st.setCompletionTime(Instant.now().toString());
        live.setStatus(st);
        client.resources(Benchmark.class).resource(live).updateStatus();
    }
}
