package dev.redline.operator;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test helpers around Fabric8's CRUD mock API server: install the CRD, run the operator, play the Job controller. */
final class MockCluster {
    static final String NS = "bench";

    private MockCluster() { }

    static Path repoRoot() {
        return Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** Registers the committed CRD, so the status subresource behaves as on a real cluster. */
    static void installCrd(KubernetesClient client) throws IOException {
        try (InputStream in = Files.newInputStream(repoRoot().resolve("crds/generated/" + Benchmark.CRD_NAME + "-v1.yml"))) {
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(c -> c.update());
        }
    }

    /** A JOSDK operator on the mock, with server-side apply off (the mock does not implement it). */
    static Operator startOperator(KubernetesClient client, OperatorSettings settings) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withReconciliationTerminationTimeout(Duration.ofSeconds(1))
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new BenchmarkReconciler(settings));
        operator.start();
        return operator;
    }

    static OperatorSettings settings() {
        return new OperatorSettings("registry.test/redline-runner:test", 300, 3600, 1);
    }

    static Benchmark benchmark(String name) {
        Benchmark bm = new Benchmark();
        bm.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        BenchmarkResourceSpec spec = new BenchmarkResourceSpec();
        spec.setModels(List.of("Qwen/Qwen3-0.6B"));
        spec.endpoint().setUrl("http://vllm.models:8000");
        spec.endpoint().setStreaming(true);
        PhaseSpec phase = new PhaseSpec();
        phase.setConcurrency(8);
        phase.setDuration(60.0);
        spec.setPhases(List.of(phase));
        bm.setSpec(spec);
        return bm;
    }

    static Job job(KubernetesClient client, String name) {
        return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
    }

    /** Plays the Job controller: marks the runner Job running. */
    static void jobRunning(KubernetesClient client, String name, int active) {
        Job job = job(client, name);
        job.setStatus(new JobStatusBuilder().withActive(active).withReady(active).withStartTime(Instant.now().toString()).build());
        client.batch().v1().jobs().resource(job).updateStatus();
    }

    static void jobFinished(KubernetesClient client, String name, String type, String reason, String message) {
        Job job = job(client, name);
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        int n = job.getSpec().getCompletions();
        JobStatusBuilder status = new JobStatusBuilder().withStartTime(now).withActive(0)
                .withConditions(new JobConditionBuilder().withType(type).withStatus("True").withReason(reason)
                        .withMessage(message).withLastTransitionTime(now).build());
        if ("Complete".equals(type)) status.withSucceeded(n).withCompletionTime(now);
        else status.withFailed(1);
        job.setStatus(status.build());
        client.batch().v1().jobs().resource(job).updateStatus();
    }

    /** Plays the coordinator runner: writes keys into the results ConfigMap. */
    static void writeResults(KubernetesClient client, String benchmark, Map<String, String> data) {
        client.configMaps().inNamespace(NS).withName(benchmark + "-results").edit(cm -> {
            cm.setData(data);
            return cm;
        });
    }

    static ConfigMap configMap(KubernetesClient client, String name) {
        return client.configMaps().inNamespace(NS).withName(name).get();
    }

    static List<Event> events(KubernetesClient client, String benchmark) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> benchmark.equals(e.getInvolvedObject().getName())).toList();
    }

    static Benchmark get(KubernetesClient client, String name) {
        return client.resources(Benchmark.class).inNamespace(NS).withName(name).get();
    }

    static final String SUMMARY_JSON = """
            {"requestCount": 480, "errorCount": 2, "durationSeconds": 60.0,
             "requestThroughput": 8.0, "outputTokenThroughput": 1024.5, "goodput": 7.5, "errorRate": 0.41,
             "timeToFirstToken": {"avg": 45.0, "p50": 40.0, "p90": 80.0, "p99": 120.0},
             "interTokenLatency": {"avg": 9.0, "p50": 8.5, "p90": 12.0, "p99": 20.0},
             "requestLatency": {"avg": 900.0, "p50": 850.0, "p90": 1200.0, "p99": 1500.0},
             "topErrors": [{"code": 503, "type": "Service Unavailable", "count": 2}],
             "artifacts": [{"name": "profile_export_redline.json", "uri": "s3://bench/redline/bench/bm/profile_export_redline.json"}],
             "someFutureField": 1}
            """;
}
