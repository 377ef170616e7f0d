package dev.redline.operator;

import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepResourceSpec;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.operator.sweep.SweepReconciler;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.redline.operator.MockCluster.NS;

/** Test helpers for Sweeps on Fabric8's CRUD mock: the CRD, an operator with both controllers, a runner's summary per child. */
final class SweepCluster {
    private SweepCluster() { }

    static void installCrds(KubernetesClient client) throws IOException {
        MockCluster.installCrd(client);
        try (InputStream in = Files.newInputStream(MockCluster.repoRoot().resolve("crds/generated/" + Sweep.CRD_NAME + "-v1.yml"))) {
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(c -> c.update());
        }
    }

    static Operator start(KubernetesClient client) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withReconciliationTerminationTimeout(Duration.ofSeconds(1))
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new BenchmarkReconciler(MockCluster.settings()));
        operator.register(new SweepReconciler(MockCluster.settings()));
        operator.start();
        return operator;
    }

    /** A grid Sweep over concurrency. */
    static Sweep sweep(String name, List<Object> concurrency) {
        Benchmark template = MockCluster.benchmark("unused");
        template.getSpec().getPhases().get(0).setDuration(null);
        template.getSpec().getPhases().get(0).setRequests(100);
        SweepSpec s = new SweepSpec();
        s.setParameters(new LinkedHashMap<>(Map.of("concurrency", concurrency)));
        SweepResourceSpec spec = new SweepResourceSpec();
        spec.setTemplate(template.getSpec());
        spec.setSweep(s);
        Sweep sw = new Sweep();
        sw.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        sw.setSpec(spec);
        return sw;
    }

    static Sweep get(KubernetesClient client, String name) {
        return client.resources(Sweep.class).inNamespace(NS).withName(name).get();
    }

    static List<Benchmark> children(KubernetesClient client, String sweep) {
        return client.resources(Benchmark.class).inNamespace(NS).withLabel("redline.dev/sweep", sweep).list().getItems();
    }

    /**
     * Plays the child's runner and Job controller: a summary whose throughput grows with concurrency up to
     * 32 req/s and whose TTFT p99 grows with it, then the Job completes.
     */
    static void complete(KubernetesClient client, Benchmark child) {
        int c = child.getSpec().getPhases().get(0).getConcurrency();
        double rps = Math.min(8.0 * c, 32.0);
        double ttftP99 = 40.0 + 5.0 * c;
        Map<String, Number> ttft = new LinkedHashMap<>();
        ttft.put("avg", ttftP99 / 2);
        ttft.put("p99", ttftP99);
        String summary = new ProfileExport().facts("test", child.getMetadata().getName(), null, null, false)
                .putMetric("request_throughput", MetricBlock.scalar("requests/sec", rps))
                .putMetric("time_to_first_token", new MetricBlock("ms", ttft))
                .putMetric("request_count", MetricBlock.scalar("requests", 100L))
                .toJson();
        MockCluster.writeResults(client, child.getMetadata().getName(), Map.of("summary.json", summary));
        MockCluster.jobFinished(client, child.getMetadata().getName(), "Complete", "CompletionsReached", "done");
    }
}
