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
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import dev.redline.api.v1alpha1.SweepExecution;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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
import static org.junit.jupiter.api.Assertions.assertNull;
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

    private static void cancel(String sweep) {
        client.resources(Sweep.class).inNamespace(MockCluster.NS).withName(sweep)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}");
    }

    private static List<Event> sweepEvents(String name, String reason) {
        return MockCluster.events(client, name).stream()
                .filter(e -> "Sweep".equals(e.getInvolvedObject().getKind()) && reason.equals(e.getReason())).toList();
    }

    @Test
    void cancelStopsTheRunningCellStartsNoOtherAndKeepsTheFinishedOnes() throws Exception {
        SweepCluster.installCrds(client);
        Operator operator = SweepCluster.start(client);
        try {
            client.resource(SweepCluster.sweep("stop", List.of(1, 2, 4))).create();
            Benchmark first = awaitChild("stop-0");
            SweepCluster.complete(client, first);
            Benchmark second = awaitChild("stop-1");
            MockCluster.jobRunning(client, "stop-1", 1);
            awaitSweep("stop", s -> Integer.valueOf(1).equals(s.getStatus().getCompletedCells()) && Integer.valueOf(1).equals(s.getStatus().getRunningCells()));

            cancel("stop");
            await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.get(client, "stop-1").getSpec().cancelRequested());
            // the Benchmark controller then suspends the running cell's Job and ends it Cancelled
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(MockCluster.job(client, "stop-1").getSpec().getSuspend()));
            Sweep done = awaitSweep("stop", s -> s.getStatus().getPhase() == SweepPhase.Cancelled);
            assertEquals(BenchmarkPhase.Cancelled, MockCluster.get(client, "stop-1").getStatus().getPhase());
            assertEquals(second.getMetadata().getUid(), MockCluster.get(client, "stop-1").getMetadata().getUid());

            Thread.sleep(500); // give the operator a chance to (wrongly) start the third cell
            assertEquals(List.of("stop-0", "stop-1"), SweepCluster.children(client, "stop").stream()
                    .map(b -> b.getMetadata().getName()).sorted().toList(), "no cell starts after cancel");
            List<SweepCellStatus> cells = done.getStatus().getCells();
            assertEquals("Complete", cells.get(0).getPhase());
            assertEquals(8.0, cells.get(0).getRequestThroughput(), "the finished cell's results are kept");
            assertEquals("Failed", cells.get(1).getPhase());
            assertTrue(cells.get(1).getError().startsWith("stop-1: cancelled by spec.cancel"), cells.get(1).getError());
            assertEquals("Pending", cells.get(2).getPhase());
            var failed = done.getStatus().condition(ConditionType.Failed);
            assertEquals("True", failed.getStatus());
            assertEquals("Cancelled", failed.getReason());
            assertTrue(failed.getMessage().contains("2 of 3 cells done, kept in stop-results"), failed.getMessage());
            assertEquals("Cancelled", done.getStatus().condition(ConditionType.Progressing).getReason());
            assertEquals(2L, done.getMetadata().getGeneration(), "setting spec.cancel is a spec change");
            assertEquals(done.getMetadata().getGeneration(), done.getStatus().getObservedGeneration());
            assertNotNull(done.getStatus().getCompletionTime());
            JsonNode sweep = JSON.readTree(MockCluster.configMap(client, "stop-results").getData().get("sweep.json"));
            assertEquals(1, sweep.get("per_combination_metrics").size(), "the aggregate keeps the finished cell");

            // idempotent: another reconcile (a change to a child is an event for its Sweep) changes nothing and tells nothing again
            await().atMost(Duration.ofSeconds(10)).until(() -> sweepEvents("stop", "Cancelled").size() == 1);
            String status = JSON.writeValueAsString(done.getStatus());
            client.resources(Benchmark.class).inNamespace(MockCluster.NS).withName("stop-0").edit(b -> {
                b.getMetadata().getAnnotations().put("touched", "yes");
                return b;
            });
            Thread.sleep(1000);
            assertEquals(status, JSON.writeValueAsString(SweepCluster.get(client, "stop").getStatus()));
            assertEquals(1, sweepEvents("stop", "Cancelled").size(), "one Event: " + MockCluster.events(client, "stop"));
            assertEquals(2, SweepCluster.children(client, "stop").size());
        } finally {
            operator.stop();
        }
    }

    @Test
    void cancelSuspendsTheWarmPoolAndNoNewPoolStarts() throws Exception {
        SweepCluster.installCrds(client);
        Operator operator = SweepCluster.start(client);
        try {
            Sweep sw = SweepCluster.sweep("poolstop", List.of(1, 2));
            sw.getSpec().setExecution(SweepExecution.WARM_POOL);
            client.resource(sw).create();
            await().atMost(Duration.ofSeconds(30)).until(() -> MockCluster.job(client, "poolstop") != null);
            MockCluster.jobRunning(client, "poolstop", 1);
            awaitSweep("poolstop", s -> s.getStatus().getPhase() == SweepPhase.Running || s.getStatus().getPhase() == SweepPhase.Pending);

            cancel("poolstop");
            Sweep done = awaitSweep("poolstop", s -> s.getStatus().getPhase() == SweepPhase.Cancelled);
            Job job = MockCluster.job(client, "poolstop");
            assertEquals(Boolean.TRUE, job.getSpec().getSuspend(), "the pool's Job is suspended: Kubernetes stops its pod");
            assertEquals("Cancelled", done.getStatus().condition(ConditionType.Failed).getReason());
            assertTrue(SweepCluster.children(client, "poolstop").isEmpty());

            // a cancelled Sweep never gets a new pool, not even when its Job goes
            client.resource(job).delete();
            await().atMost(Duration.ofSeconds(10)).until(() -> MockCluster.job(client, "poolstop") == null);
            Thread.sleep(1000);
            assertNull(MockCluster.job(client, "poolstop"));
            assertEquals(SweepPhase.Cancelled, SweepCluster.get(client, "poolstop").getStatus().getPhase());
        } finally {
            operator.stop();
        }
    }
}
