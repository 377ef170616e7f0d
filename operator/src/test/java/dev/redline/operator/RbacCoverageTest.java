package dev.redline.operator;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.operator.chart.HelmChartTest;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.redline.operator.MockCluster.NS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart's hand-written RBAC is enough: every API call the operator makes through a whole
 * lifecycle (create, run, results, SLO, cancel, invalid spec, TTL delete) is allowed by the rules
 * that {@link HelmChartTest} pins.
 */
@EnableKubernetesMockClient(crud = true)
class RbacCoverageTest {
    static final String AGENT = "redline-operator-rbac-test";
    static KubernetesClient client;
    static KubernetesMockServer server;

    /** (apiGroup, resource, verb) of one recorded request. */
    record Access(String group, String resource, String verb) {
        static Access of(RecordedRequest r) {
            URI uri = URI.create(r.getPath());
            String[] p = uri.getPath().replaceAll("^/+", "").split("/");
            int i;
            String group;
            if ("api".equals(p[0])) { group = ""; i = 2; } else { group = p[1]; i = 3; }
            if (i < p.length && "namespaces".equals(p[i]) && i + 2 < p.length) i += 2; // namespaced path
            String resource = p[i];
            boolean item = i + 1 < p.length;
            if (i + 2 < p.length) resource += "/" + p[i + 2];
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            String verb = switch (r.getMethod()) {
                case "GET" -> query.contains("watch=true") ? "watch" : item ? "get" : "list";
                case "POST" -> "create";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> "delete";
                default -> r.getMethod();
            };
            return new Access(group, resource, verb);
        }

        boolean allowedBy(List<Map<String, List<String>>> rules) {
            return rules.stream().anyMatch(rule -> rule.get("apiGroups").contains(group)
                    && rule.get("resources").contains(resource) && rule.get("verbs").contains(verb));
        }
    }

    /** A Search whose iterations run as real Benchmarks (the test plays their Jobs), one cancelled, one invalid. */
    private static void searchLifecycle() {
        dev.redline.api.v1alpha1.Search s = dev.redline.operator.search.SearchFixtures.monotonic("srch", 1, 4);
        client.resource(s).create();
        for (int i = 0; i < 3; i++) {
            String child = "srch-" + i;
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, child) != null);
            MockCluster.writeResults(client, child, Map.of("summary.json", MockCluster.SUMMARY_JSON));
            MockCluster.jobFinished(client, child, "Complete", "CompletionsReached", "done");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> phase("srch") == dev.redline.api.v1alpha1.SearchPhase.Complete);

        client.resource(dev.redline.operator.search.SearchFixtures.monotonic("srch-stop", 1, 4)).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "srch-stop-0") != null);
        client.resources(dev.redline.api.v1alpha1.Search.class).inNamespace(NS).withName("srch-stop")
                .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                        "{\"spec\":{\"cancel\":true}}");
        await().atMost(Duration.ofSeconds(20)).until(() -> phase("srch-stop") == dev.redline.api.v1alpha1.SearchPhase.Cancelled);

        client.resource(dev.redline.operator.search.SearchFixtures.monotonic("srch-bad", 8, 4)).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> phase("srch-bad") == dev.redline.api.v1alpha1.SearchPhase.Invalid);
    }

    private static dev.redline.api.v1alpha1.SearchPhase phase(String name) {
        var s = client.resources(dev.redline.api.v1alpha1.Search.class).inNamespace(NS).withName(name).get();
        return s == null || s.getStatus() == null ? null : s.getStatus().getPhase();
    }

    @Test
    void everyOperatorCallIsGrantedByTheChart() throws Exception {
        MockCluster.installCrd(client);
        MockCluster.installSearchCrd(client);
        KubernetesClient operatorClient = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(AGENT).build()).build();
        SweepCluster.installCrds(client);
        Operator operator = MockCluster.startOperator(operatorClient, MockCluster.settings(),
                new dev.redline.operator.sweep.SweepReconciler(MockCluster.settings()), new dev.redline.operator.search.SearchReconciler());
        try {
            Benchmark bm = MockCluster.benchmark("full");
            RunnerSpec runners = new RunnerSpec();
            runners.setReplicas(2);
            bm.getSpec().setRunners(runners);
            bm.getSpec().setTtlSecondsAfterFinished(1L);
            bm.getSpec().setSlo(List.of(new dev.redline.api.v1alpha1.SloSpec("request_throughput", null, null, 100.0)));
            client.resource(bm).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "full") != null);
            MockCluster.jobRunning(client, "full", 2);
            MockCluster.writeResults(client, "full", Map.of("summary.json", MockCluster.SUMMARY_JSON));
            MockCluster.jobFinished(client, "full", "Complete", "CompletionsReached", "done");
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.get(client, "full") == null); // TTL

            client.resource(MockCluster.benchmark("cancelled")).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "cancelled") != null);
            // merge patch: no resourceVersion to conflict with the operator's concurrent status patches
            client.resources(Benchmark.class).inNamespace(NS).withName("cancelled")
                    .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                            "{\"spec\":{\"cancel\":true}}");
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Benchmark b = MockCluster.get(client, "cancelled");
                return b.getStatus() != null && b.getStatus().getPhase() == BenchmarkPhase.Cancelled;
            });

            // a perCell Sweep through one cell, a warm pool's Job, and an invalid Sweep
            client.resource(SweepCluster.sweep("sweep", List.of(2))).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "sweep-0") != null);
            SweepCluster.complete(client, MockCluster.get(client, "sweep-0"));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                var s = SweepCluster.get(client, "sweep");
                return s.getStatus() != null && s.getStatus().getPhase() == dev.redline.api.v1alpha1.SweepPhase.Complete;
            });
            var pool = SweepCluster.sweep("pool", List.of(1, 2));
            pool.getSpec().setExecution(dev.redline.api.v1alpha1.SweepExecution.WARM_POOL);
            client.resource(pool).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "pool") != null);
            var badSweep = SweepCluster.sweep("bad-sweep", List.of(0));
            client.resource(badSweep).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                var s = SweepCluster.get(client, "bad-sweep");
                return s.getStatus() != null && s.getStatus().getPhase() == dev.redline.api.v1alpha1.SweepPhase.Invalid;
            });

            Benchmark invalid = MockCluster.benchmark("invalid");
            invalid.getSpec().getPhases().get(0).setConcurrency(0);
            client.resource(invalid).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Benchmark b = MockCluster.get(client, "invalid");
                return b.getStatus() != null && b.getStatus().getPhase() == BenchmarkPhase.Invalid;
            });

            searchLifecycle();
        } finally {
            operator.stop();
            operatorClient.close();
        }

        Set<String> used = new TreeSet<>();
        Set<String> denied = new TreeSet<>();
        RecordedRequest r;
        while ((r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
            String agent = r.getHeader("User-Agent");
            if (agent == null || !agent.contains(AGENT)) continue;
            Access a = Access.of(r);
            String line = a.group() + " " + a.resource() + " " + a.verb();
            used.add(line);
            if (!a.allowedBy(HelmChartTest.OPERATOR_RULES)) denied.add(line + "  (" + r.getMethod() + " " + r.getPath() + ")");
        }
        assertEquals(Set.of(), denied, "operator calls the chart does not allow");
        // sanity: the lifecycle really went through the operator's client
        for (String expected : List.of("batch jobs create", "batch jobs patch", " configmaps create", " events create",
                "redline.dev benchmarks delete", "redline.dev benchmarks/status patch", "rbac.authorization.k8s.io roles create",
                "redline.dev benchmarks create", "redline.dev benchmarks patch", "redline.dev searches/status patch", " configmaps update",
                "redline.dev sweeps/status patch", "redline.dev sweeps watch")) {
            assertTrue(used.contains(expected), expected + " not seen in " + used);
        }
    }
}
