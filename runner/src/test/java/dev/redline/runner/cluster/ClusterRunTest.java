package dev.redline.runner.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.ProgressStatus;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.compare.RequestSamples;
import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runner pod 0 end to end: the mounted Benchmark spec (with its Kubernetes-only parts), the real mock
 * inference server, and the results ConfigMap on Fabric8's CRUD mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static KubernetesClient client;

    @TempDir Path dir;

    private Path spec(String url, int requests) throws Exception {
        return spec(url, requests, "");
    }

    /** {@code endpointExtra}: more keys of the endpoint map, e.g. ", waitForModelTimeout: 2". */
    private Path spec(String url, int requests, String endpointExtra) throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, """
                models: [mock-model]
                endpoint: {url: '%s', type: chat, streaming: true%s}
                dataset: {entries: 4, prompts: {isl: 16, osl: 5}}
                phases: [{concurrency: 2, requests: %d}]
                runners: {replicas: 1, image: ghcr.io/redline/runner:dev}
                output: {configMap: true}
                slo: [{metric: time_to_first_token, stat: p99, threshold: 500}]
                ttlSecondsAfterFinished: 600
                """.formatted(url, endpointExtra, requests));
        return file;
    }

    private void createResults(String name) {
        client.configMaps().inNamespace("perf").resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    private int run(Path spec, String configMap, Map<String, String> env, ByteArrayOutputStream err) throws Exception {
        ClusterRun.Settings s = new ClusterRun.Settings(spec, configMap, null, null, dir.resolve("artifacts"), "warn");
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new ClusterRun(s, new PodEnvironment(env), () -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                new PrintStream(new ByteArrayOutputStream()), errStream).run();
    }

    @Test
    void coordinatorWritesTheSummaryIntoTheResultsConfigMap() throws Exception {
        createResults("ok-results");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = run(spec(mock.baseUrl(), 12), "ok-results", Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf"), err);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertEquals(12, mock.metrics().requestsReceived());
        }
        ConfigMap cm = client.configMaps().inNamespace("perf").withName("ok-results").get();
        JsonNode summary = JSON.readTree(cm.getData().get(ResultsConfigMap.SUMMARY_JSON));
        assertEquals(12, summary.at("/request_count/avg").asLong());
        assertEquals(Files.readString(dir.resolve("artifacts/profile_export_redline.json")), cm.getData().get(ResultsConfigMap.SUMMARY_JSON),
                "the same JSON as profile_export_redline.json");
        assertTrue(cm.getData().get(ResultsConfigMap.SUMMARY_CSV).startsWith("Metric,avg,min,max"));
        assertFalse(cm.getData().containsKey(ResultsConfigMap.ERROR));
        assertEquals(1, summary.at("/distributed/runners").asInt());
        // the regression gate's per-request values: every request of this short run
        RequestSamples samples = ResultsConfigMap.samples("ok-results", cm.getData());
        assertEquals(12, samples.metric("request_latency").population());
        assertEquals(12, samples.metric("time_to_first_token").values().length);
        assertEquals(summary.at("/request_latency/max").asDouble(),
                java.util.Arrays.stream(samples.metric("request_latency").values()).max().orElseThrow(), 1e-3);

        // what the operator reads: the same contract type, strictly, into the status summary
        ResultsConfigMap.Contents read = ResultsConfigMap.read("ok-results", cm.getData());
        assertEquals(null, read.summaryProblem());
        ResultsSummary status = ResultsSummary.from(read.summary(), java.util.List.of());
        assertEquals(12L, status.getRequestCount());
        assertEquals(0L, status.getErrorCount());
        assertEquals(summary.at("/request_throughput/avg").asDouble(), status.getRequestThroughput(), 1e-12);
        assertEquals(summary.at("/time_to_first_token/p99").asDouble(), status.getTimeToFirstToken().getP99(), 1e-12);
        assertTrue(status.getTimeToFirstToken().getP99() >= 5.0, "at least the mock's TTFT");
        assertEquals(summary.at("/inter_token_latency/p95").asDouble(), status.getInterTokenLatency().getP95(), 1e-12);
        assertTrue(status.getDurationSeconds() > 0);
        assertEquals(0.0, status.getErrorRate());
    }

    @Test
    void anUnreachableServerStillFillsTheConfigMapBeforeTheFailureIsReported() throws Exception {
        createResults("down-results");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the spec's wait replaces the pod's default 2 min wait for a server that may still be starting
        int code = run(spec("http://127.0.0.1:" + closedPort, 4, ", waitForModelTimeout: 2"), "down-results",
                Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf"), err);
        assertEquals(2, code);
        Map<String, String> data = client.configMaps().inNamespace("perf").withName("down-results").get().getData();
        assertTrue(data.get(ResultsConfigMap.ERROR).contains("127.0.0.1:" + closedPort), data.toString());
        assertEquals(1, data.get(ResultsConfigMap.ERROR).lines().count());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(data.get(ResultsConfigMap.ERROR)), "the same line goes to stderr");
    }

    @Test
    void aStopRequestEndsTheLoadAndThePartialSummaryIsWrittenFirst() throws Exception {
        createResults("stop-results");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(30).itlMs(5))) {
            Path spec = spec(mock.baseUrl(), 5000);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            java.util.concurrent.CompletableFuture<Integer> pod = new java.util.concurrent.CompletableFuture<>();
            Thread runner = new Thread(() -> {
                try {
                    pod.complete(run(spec, "stop-results", Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf"), err));
                } catch (Throwable t) {
                    pod.completeExceptionally(t);
                }
            });
            runner.start();
            for (int i = 0; i < 600 && mock.metrics().requestsReceived() < 10; i++) Thread.sleep(25);
            runner.interrupt(); // what the SIGTERM hook does when the Job is deleted or the Benchmark cancelled
            assertEquals(1, pod.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        Map<String, String> data = client.configMaps().inNamespace("perf").withName("stop-results").get().getData();
        JsonNode summary = JSON.readTree(data.get(ResultsConfigMap.SUMMARY_JSON));
        assertTrue(summary.get("was_cancelled").asBoolean());
        long count = summary.at("/request_count/avg").asLong();
        assertTrue(count >= 1 && count < 5000, "partial count " + count);
        assertEquals("the run was interrupted", data.get(ResultsConfigMap.ERROR));
        assertFalse(data.containsKey(ResultsConfigMap.SAMPLES_JSON), "an interrupted run is never a baseline or gated");
    }

    @Test
    void progressIsRefreshedWhileTheRunGoesOn() throws Exception {
        createResults("progress-results");
        Path file = dir.resolve("spec.yaml");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
            Files.writeString(file, """
                    models: [mock-model]
                    endpoint: {url: '%s', type: chat, streaming: true}
                    dataset: {entries: 4, prompts: {isl: 16, osl: 5}}
                    phases: [{concurrency: 1, duration: 14}]
                    """.formatted(mock.baseUrl()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            var pod = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return run(file, "progress-results", Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf"), err);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ProgressStatus seen = null;
            for (int i = 0; i < 120 && seen == null && !pod.isDone(); i++) {
                Thread.sleep(250);
                ResultsConfigMap.Contents c = ResultsConfigMap.read("progress-results",
                        client.configMaps().inNamespace("perf").withName("progress-results").get().getData());
                seen = c.progress();
            }
            assertTrue(seen != null, "progress.json while running; runner said: " + err.toString(StandardCharsets.UTF_8));
            assertEquals(0, pod.get(60, java.util.concurrent.TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
            assertEquals("profiling", seen.getPhase());
            assertTrue(seen.getRequestsCompleted() > 0 && seen.getRequestsCompleted() <= mock.metrics().requestsReceived(), seen.getRequestsCompleted() + "");
            assertEquals(14.0, seen.getDurationSeconds());
            // the first refresh comes 10 s after the coordinator started; how much of that the phase had run
            // depends on how long start-up took on this machine
            assertTrue(seen.getElapsedSeconds() > 0 && seen.getElapsedSeconds() <= 14.5, "within the phase: " + seen.getElapsedSeconds());
            assertEquals(1, seen.getRunners());
            assertEquals(1, seen.getRunnersReporting());
        }
    }

    /**
     * Every runner pod, coordinator and agent, serves its live numbers on REDLINE_METRICS_PORT while it runs,
     * labelled with the Benchmark, the run and its index, so Grafana can tell pods and runs apart.
     */
    @Test
    void coordinatorAndAgentServeLabelledLiveMetricsWhileTheyRun() throws Exception {
        createResults("live-results");
        int coordinatorPort = freePort();
        int[] metricsPorts = {freePort(), freePort()};
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
            Path file = dir.resolve("live.yaml");
            Files.writeString(file, """
                    models: [mock-model]
                    endpoint: {url: '%s', type: chat, streaming: true}
                    dataset: {entries: 4, prompts: {isl: 16, osl: 5}}
                    phases: [{concurrency: 2, duration: 8}]
                    runners: {replicas: 2}
                    """.formatted(mock.baseUrl()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            java.util.List<java.util.concurrent.CompletableFuture<Integer>> pods = new java.util.ArrayList<>();
            for (int index = 0; index < 2; index++) {
                Map<String, String> env = Map.of("JOB_COMPLETION_INDEX", Integer.toString(index), "REDLINE_NAMESPACE", "perf",
                        "REDLINE_BENCHMARK", "bench", "REDLINE_RUN", "2", "REDLINE_METRICS_PORT", Integer.toString(metricsPorts[index]));
                ClusterRun.Settings s = new ClusterRun.Settings(file, "live-results", "127.0.0.1:" + coordinatorPort, 2,
                        dir.resolve("artifacts-" + index), "warn");
                pods.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return new ClusterRun(s, new PodEnvironment(env), () -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (int index = 0; index < 2; index++) {
                String series = "redline_requests_sent_total{benchmark=\"bench\",phase=\"profiling\",run=\"2\",runner=\"" + index + "\"}";
                double sent = 0;
                for (int i = 0; i < 120 && sent == 0; i++) {
                    Thread.sleep(100);
                    sent = sample(scrape(metricsPorts[index]), series);
                }
                assertTrue(sent > 0, "runner " + index + " serves " + series + " while running; runners said: " + err.toString(StandardCharsets.UTF_8));
            }
            for (var pod : pods) assertEquals(0, pod.get(60, java.util.concurrent.TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String scrape(int port) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            return http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return ""; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The value of one exact series in a Prometheus text exposition, 0 when absent. */
    private static double sample(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1).trim());
        }
        return 0;
    }

    @Test
    void missingEnvironmentAndSettingsAreOneLineBadInput() throws Exception {
        Path spec = spec("http://127.0.0.1:1", 2);
        Map<String, String> env = new HashMap<>(Map.of("JOB_COMPLETION_INDEX", "0"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertTrue(assertThrows(BadInputException.class, () -> run(spec, "x", env, err)).getMessage().startsWith("REDLINE_NAMESPACE:"));
        env.put("REDLINE_NAMESPACE", "perf");
        assertTrue(assertThrows(BadInputException.class, () -> run(spec, null, env, err)).getMessage().startsWith("--results-configmap:"));
        env.put("JOB_COMPLETION_INDEX", "two");
        assertTrue(assertThrows(BadInputException.class, () -> run(spec, "x", env, err)).getMessage().startsWith("JOB_COMPLETION_INDEX:"));
        env.put("JOB_COMPLETION_INDEX", "1");
        assertTrue(assertThrows(BadInputException.class, () -> run(spec, "x", env, err)).getMessage().startsWith("--coordinator:"));
        env.put("REDLINE_COORDINATOR", "bench-runners-0.bench-runners:99999");
        assertTrue(assertThrows(BadInputException.class, () -> run(spec, "x", env, err)).getMessage().contains("port from 1 to 65535"));
        env.put("JOB_COMPLETION_INDEX", "0");
        env.put("REDLINE_METRICS_PORT", "http");
        assertTrue(assertThrows(BadInputException.class, () -> run(spec, "x", env, err)).getMessage().startsWith("REDLINE_METRICS_PORT: 'http' is not a port"));
    }

    @Test
    void theCoordinatorScrapesTheExporterDiscoveredOnTheModelServersNode() throws Exception {
        createResults("dcgm-results");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        client.pods().inNamespace("perf").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("vllm-0").addToLabels("app", "vllm").endMetadata()
                .withNewSpec().withNodeName("gpu-1").addNewContainer().withName("vllm").withImage("vllm").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.0.0.7").endStatus().build()).create();
        client.pods().inNamespace("perf").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("dcgm-gpu-1").addToLabels("app.kubernetes.io/name", "dcgm-exporter").endMetadata()
                .withNewSpec().withNodeName("gpu-1").addNewContainer().withName("dcgm").withImage("dcgm")
                .addNewPort().withName("metrics").withContainerPort(closedPort).endPort().endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").endStatus().build()).create();
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(1))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = run(spec(mock.baseUrl(), 6), "dcgm-results", Map.of("JOB_COMPLETION_INDEX", "0", "REDLINE_NAMESPACE", "perf",
                    "REDLINE_MODEL_SERVER_SELECTOR", "app=vllm", "REDLINE_DCGM_NAMESPACE", "perf"), err);
            String log = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, log);
            assertTrue(log.contains("DCGM exporters discovered: http://127.0.0.1:" + closedPort + "/metrics"), log);
        }
    }
}
