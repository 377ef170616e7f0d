package dev.redline.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepCellStatus;
import dev.redline.api.v1alpha1.SweepPhase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * perCell Sweeps end to end on Fabric8's CRUD mock API server, with the real Benchmark controller running
 * each child: the test plays the Job controller and each child's runner.
 */
@EnableKubernetesMockClient(crud = true)
class SweepReconcilerTest {
    static KubernetesClient client;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Sweep awaitSweep(String name, Predicate<Sweep> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Sweep s = SweepCluster.get(client, name);
            return s != null && s.getStatus() != null && until.test(s);
        });
        return SweepCluster.get(client, name);
    }

    private static Benchmark awaitChild(String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.job(client, name) != null);
        return MockCluster.get(client, name);
    }

    private static long unfinished(String sweep) {
        return SweepCluster.children(client, sweep).stream()
                .filter(b -> b.getStatus() == null || b.getStatus().getPhase() == null || !b.getStatus().getPhase().isFinished()).count();
    }

    @Test
    void childrenRunOneAtATimeAndRollUpIntoStatusAndTheResultsConfigMap() throws Exception {
        SweepCluster.installCrds(client);
        Operator operator = SweepCluster.start(client);
        try {
            client.resource(SweepCluster.sweep("conc", List.of(1, 2, 4, 8))).create();
            for (int i = 0; i < 4; i++) {
                Benchmark child = awaitChild("conc-" + i);
                assertEquals(List.of(1, 2, 4, 8).get(i), child.getSpec().getPhases().get(0).getConcurrency());
                assertEquals("Sweep", child.getMetadata().getOwnerReferences().get(0).getKind());
                assertEquals("conc", child.getMetadata().getOwnerReferences().get(0).getName());
                assertEquals(42L + i, child.getSpec().getRandomSeed(), "seed + variation index");
                Thread.sleep(300); // give the operator a chance to (wrongly) start a second cell
                assertEquals(1, unfinished("conc"), "maxParallel 1: cells share the model server");
                Sweep mid = SweepCluster.get(client, "conc");
                if (mid.getStatus() != null && mid.getStatus().getPhase() != null) {
                    assertTrue(mid.getStatus().getPhase() == SweepPhase.Running || mid.getStatus().getPhase() == SweepPhase.Pending);
                }
                SweepCluster.complete(client, child);
                await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.get(client, child.getMetadata().getName()).getStatus().getPhase() == BenchmarkPhase.Complete);
            }
            Sweep done = awaitSweep("conc", s -> s.getStatus().getPhase() == SweepPhase.Complete);
            assertEquals("4/4", done.getStatus().getProgress());
            assertEquals("True", done.getStatus().condition(ConditionType.Complete).getStatus());
            assertEquals(done.getMetadata().getGeneration(), done.getStatus().getObservedGeneration());
            List<SweepCellStatus> cells = done.getStatus().getCells();
            assertEquals(List.of(8.0, 16.0, 32.0, 32.0), cells.stream().map(SweepCellStatus::getRequestThroughput).toList());
            assertEquals(List.of("Complete", "Complete", "Complete", "Complete"), cells.stream().map(SweepCellStatus::getPhase).toList());
            // concurrency 8 reaches the same 32 req/s as 4 at a higher TTFT p99: dominated; the front is 1, 2, 4
            assertEquals(List.of(0, 1, 2), done.getStatus().getParetoFront());
            assertEquals(2, done.getStatus().getBest().getThroughput().getIndex());
            assertEquals(0, done.getStatus().getBest().getTtftP99().getIndex());
            ConfigMap results = MockCluster.configMap(client, "conc-results");
            JsonNode sweep = JSON.readTree(results.getData().get("sweep.json"));
            assertEquals(4, sweep.get("per_combination_metrics").size());
            assertEquals("concurrency", sweep.at("/metadata/sweep_parameters/0/name").asText());
            assertEquals(4, sweep.at("/best_configurations/best_throughput/parameters/concurrency").asInt());
            assertTrue(results.getData().get("sweep.csv").contains("Pareto Optimal Points"));
            assertEquals("Sweep", results.getMetadata().getOwnerReferences().get(0).getKind());
        } finally {
            operator.stop();
        }
    }

    @Test
    void maxParallelBoundsTheChildrenInFlightAndARestartResumesWithoutRerunning() throws Exception {
        SweepCluster.installCrds(client);
        Sweep sw = SweepCluster.sweep("par", List.of(1, 2, 4));
        sw.getSpec().setMaxParallel(2);
        Operator first = SweepCluster.start(client);
        String uid0;
        try {
            client.resource(sw).create();
            Benchmark c0 = awaitChild("par-0");
            awaitChild("par-1");
            Thread.sleep(300);
            assertEquals(2, SweepCluster.children(client, "par").size(), "maxParallel 2");
            uid0 = c0.getMetadata().getUid();
            SweepCluster.complete(client, c0);
            await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.get(client, "par-0").getStatus().getPhase() == BenchmarkPhase.Complete);
            awaitChild("par-2");
        } finally {
            first.stop();
        }
        // operator restart: the children are the state
        Operator second = SweepCluster.start(client);
        try {
            SweepCluster.complete(client, MockCluster.get(client, "par-1"));
            SweepCluster.complete(client, MockCluster.get(client, "par-2"));
            Sweep done = awaitSweep("par", s -> s.getStatus().getPhase() == SweepPhase.Complete);
            assertEquals(uid0, MockCluster.get(client, "par-0").getMetadata().getUid(), "the finished cell was not run again");
            assertEquals(3, SweepCluster.children(client, "par").size());
            assertEquals("3/3", done.getStatus().getProgress());
        } finally {
            second.stop();
        }
    }

    @Test
    void aFailedCellIsRecordedAndTheSweepGoesOn() throws Exception {
        SweepCluster.installCrds(client);
        Operator operator = SweepCluster.start(client);
        try {
            client.resource(SweepCluster.sweep("fail", List.of(1, 2))).create();
            awaitChild("fail-0");
            MockCluster.jobFinished(client, "fail-0", "Failed", "BackoffLimitExceeded", "runner pod failed");
            Benchmark second = awaitChild("fail-1");
            SweepCluster.complete(client, second);
            Sweep done = awaitSweep("fail", s -> s.getStatus().getPhase() == SweepPhase.Complete);
            assertEquals(1, done.getStatus().getFailedCells());
            assertEquals("Failed", done.getStatus().getCells().get(0).getPhase());
            assertNotNull(done.getStatus().getCells().get(0).getError());
            assertTrue(done.getStatus().getCells().get(0).getError().startsWith("fail-0: "), done.getStatus().getCells().get(0).getError());
            JsonNode sweep = JSON.readTree(MockCluster.configMap(client, "fail-results").getData().get("sweep.json"));
            assertEquals(1, sweep.get("failed_runs").size());
        } finally {
            operator.stop();
        }
    }

    @Test
    void aBadSweepGetsAConditionAndAnEventAndNoChildren() throws Exception {
        SweepCluster.installCrds(client);
        Operator operator = SweepCluster.start(client);
        try {
            Sweep bad = SweepCluster.sweep("bad", List.of(1, 2));
            bad.getSpec().getSweep().setParameters(Map.of("phases.profiling.concurency", List.of(1, 2)));
            client.resource(bad).create();
            Sweep s = awaitSweep("bad", x -> x.getStatus().getPhase() == SweepPhase.Invalid);
            var accepted = s.getStatus().condition(ConditionType.Accepted);
            assertEquals("False", accepted.getStatus());
            assertEquals("SpecInvalid", accepted.getReason());
            assertTrue(accepted.getMessage().contains("spec.sweep.parameters: 'phases.profiling.concurency' names no field"), accepted.getMessage());
            await().atMost(Duration.ofSeconds(10)).until(() -> MockCluster.events(client, "bad").stream()
                    .anyMatch(e -> "Warning".equals(e.getType()) && "SpecInvalid".equals(e.getReason())));
            Thread.sleep(300);
            assertEquals(0, SweepCluster.children(client, "bad").size());
            List<Event> events = MockCluster.events(client, "bad");
            assertEquals(1, events.stream().filter(e -> "SpecInvalid".equals(e.getReason())).count(), "no crash loop, no repeats");
        } finally {
            operator.stop();
        }
    }
}
