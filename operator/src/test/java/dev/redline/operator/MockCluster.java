package dev.redline.operator;

import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.ErrorEntry;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import dev.redline.operator.children.ChildLabels;
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
    /** The Benchmark reconciler and {@code more} (a Sweep's or Search's, whose children are then real Benchmarks). */
    static Operator startOperator(KubernetesClient client, OperatorSettings settings,
                                  io.javaoperatorsdk.operator.api.reconciler.Reconciler<?>... more) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withReconciliationTerminationTimeout(Duration.ofSeconds(1))
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new BenchmarkReconciler(settings));
        for (var r : more) operator.register(r);
        operator.start();
        return operator;
    }

    /** Registers the Search CRD as well. */
    static void installSearchCrd(KubernetesClient client) throws IOException {
        try (InputStream in = Files.newInputStream(repoRoot().resolve("crds/generated/" + dev.redline.api.v1alpha1.Search.CRD_NAME + "-v1.yml"))) {
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(c -> c.update());
        }
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

    /** The runner Job of the Benchmark's first run ({@code <name>-1}). */
    static Job job(KubernetesClient client, String benchmark) {
        return job(client, benchmark, 1);
    }

    static Job job(KubernetesClient client, String benchmark, int run) {
        return client.batch().v1().jobs().inNamespace(NS).withName(benchmark + "-" + run).get();
    }

    /** Plays the Job controller: marks the runner Job running. */
    static void jobRunning(KubernetesClient client, String name, int active) {
        Job job = job(client, name);
        job.setStatus(new JobStatusBuilder().withActive(active).withReady(active).withStartTime(Instant.now().toString()).build());
        client.batch().v1().jobs().resource(job).updateStatus();
    }

    /** Plays the Job controller while pods are created: {@code active} pods, {@code ready} of them ready. */
    static void jobActive(KubernetesClient client, String name, int active, int ready) {
        Job job = job(client, name);
        job.setStatus(new JobStatusBuilder().withActive(active).withReady(ready).withStartTime(Instant.now().toString()).build());
        client.batch().v1().jobs().resource(job).updateStatus();
    }

    /** Plays the Job controller and kubelet: creates or replaces runner pod {@code index} with {@code status}. */
    static void runnerPod(KubernetesClient client, String benchmark, int index, PodStatus status) {
        Pod pod = new PodBuilder().withNewMetadata().withName(benchmark + "-runner-" + index).withNamespace(NS)
                .withLabels(ChildLabels.forRun(benchmark, "runner", 1)).endMetadata()
                .withNewSpec().addNewContainer().withName("runner").withImage("registry.test/redline-runner:test").endContainer().endSpec()
                .build();
        Pod existing = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get();
        if (existing == null) existing = client.pods().resource(pod).create();
        existing.setStatus(status);
        client.pods().resource(existing).updateStatus();
    }

    static PodStatus unschedulable(String message) {
        return new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage(message).endCondition().build();
    }

    static PodStatus waiting(String reason, String message) {
        return new PodStatusBuilder().withPhase("Pending").addNewContainerStatus().withName("runner").withNewState()
                .withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().endContainerStatus().build();
    }

    static PodStatus running() {
        return new PodStatusBuilder().withPhase("Running").build();
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

    /** What a coordinator runner writes as summary.json, built with the contract type the runner uses. */
    static final String SUMMARY_JSON = summaryJson();

    /** The old hand-written camelCase status shape: the operator must refuse it loudly. */
    static final String OLD_CAMEL_CASE_SUMMARY = """
            {"requestCount": 480, "errorCount": 2, "requestThroughput": 8.0}
            """;

    static final String ARTIFACTS_JSON = ResultsConfigMap.artifactsJson(
            List.of("s3://bench/redline/bench/bm/profile_export_redline.json"));

    private static String summaryJson() {
        ErrorEntry unavailable = new ErrorEntry();
        unavailable.setCode(503);
        unavailable.setType("Service Unavailable");
        unavailable.setCount(2L);
        return new ProfileExport().facts("test", "b-1", "2026-12-06T10:00:00Z", "2026-12-06T10:01:00Z", false)
                .addError(unavailable)
                .putMetric("time_to_first_token", latency(45.0, 40.0, 80.0, 100.0, 120.0))
                .putMetric("inter_token_latency", latency(9.0, 8.5, 12.0, 15.0, 20.0))
                .putMetric("request_latency", latency(900.0, 850.0, 1200.0, 1400.0, 1500.0))
                .putMetric("request_throughput", MetricBlock.scalar("requests/sec", 8.0))
                .putMetric("output_token_throughput", MetricBlock.scalar("tokens/sec", 1024.5))
                .putMetric("goodput", MetricBlock.scalar("requests/sec", 7.5))
                .putMetric("request_error_rate", MetricBlock.scalar("%", 0.41))
                .putMetric("request_count", MetricBlock.scalar("requests", 480L))
                .putMetric("error_request_count", MetricBlock.scalar("requests", 2L))
                .putMetric("benchmark_duration", MetricBlock.scalar("s", 60.0))
                .toJson();
    }

    private static MetricBlock latency(double avg, double p50, double p90, double p95, double p99) {
        Map<String, Number> stats = new java.util.LinkedHashMap<>();
        stats.put("avg", avg);
        stats.put("p50", p50);
        stats.put("p90", p90);
        stats.put("p95", p95);
        stats.put("p99", p99);
        stats.put("count", 480L);
        return new MetricBlock("ms", stats);
    }
}
