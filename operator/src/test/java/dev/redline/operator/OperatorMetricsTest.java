package dev.redline.operator;

import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.SloSpec;
import dev.redline.api.v1alpha1.SloStat;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged application serves /q/metrics with JOSDK's reconcile metrics and Redline's own meters. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class OperatorMetricsTest {
    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    /** What Prometheus would read: a plain GET of the running test application's /q/metrics. */
    private String scrape() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return res.body();
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}; 0 when there are none. */
    private static double sample(String text, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{")) continue;
            String labelPart = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
            if (labels.entrySet().stream().allMatch(e -> labelPart.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private void awaitPhase(String name, BenchmarkPhase phase) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var bm = MockCluster.get(client, name);
            return bm != null && bm.getStatus() != null && bm.getStatus().getPhase() == phase;
        });
    }

    @Test
    void reconcileAndBenchmarkMetricsAreServed() throws Exception {
        MockCluster.installCrd(client);
        String before = scrape();
        Map<String, String> complete = Map.of("phase", "Complete");
        Map<String, String> running = Map.of("phase", "Running");

        var scraped = MockCluster.benchmark("scraped");
        scraped.getSpec().setSlo(List.of(new SloSpec("time_to_first_token", SloStat.P99, null, 500.0)));
        client.resource(scraped).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> MockCluster.job(client, "scraped") != null);
        MockCluster.writeResults(client, "scraped", Map.of("summary.json", MockCluster.SUMMARY_JSON));
        MockCluster.jobFinished(client, "scraped", "Complete", "CompletionsReached", "done");
        awaitPhase("scraped", BenchmarkPhase.Complete);

        client.resource(MockCluster.benchmark("busy")).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> MockCluster.job(client, "busy") != null);
        MockCluster.jobRunning(client, "busy", 1);
        awaitPhase("busy", BenchmarkPhase.Running);

        String after = scrape();
        // JOSDK's metrics, bound by QOSDK to the Quarkus registry, per controller and per resource kind
        Map<String, String> controller = Map.of("controller", BenchmarkReconciler.NAME);
        assertTrue(sample(after, "operator_sdk_controllers_execution_reconcile_seconds_count", controller) >= 4, after);
        assertTrue(sample(after, "operator_sdk_controllers_execution_reconcile_success_total", controller) >= 4, after);
        Map<String, String> kind = Map.of("kind", "Benchmark", "group", "redline.dev");
        assertTrue(sample(after, "operator_sdk_reconciliations_started_total", kind) >= 4, after);
        assertTrue(sample(after, "operator_sdk_reconciliations_success_total", kind) >= 4, after);
        assertTrue(after.contains("operator_sdk_reconciliations_executions_benchmark"), after);
        assertTrue(after.contains("operator_sdk_reconciliations_queue_size_benchmark"), after);
        assertTrue(!after.contains("name=\"scraped\""), "no per-resource series: " + after);

        // Redline's meters: one more Complete (once, although it was reconciled again after finishing), one Running now
        assertEquals(1.0, sample(after, "redline_benchmarks_finished_total", complete) - sample(before, "redline_benchmarks_finished_total", complete), after);
        assertEquals(0.0, sample(after, "redline_benchmarks_finished_total", Map.of("phase", "Failed")), after);
        assertEquals(1.0, sample(after, "redline_benchmarks_slo_total", Map.of("result", "met"))
                - sample(before, "redline_benchmarks_slo_total", Map.of("result", "met")), after);
        assertEquals(1.0, sample(after, "redline_benchmarks", running) - sample(before, "redline_benchmarks", running), after);
        assertTrue(sample(after, "redline_benchmarks", complete) >= 1, after);
    }
}
