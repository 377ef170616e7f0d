package dev.redline.operator.e2e;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmarks end to end on a real control plane: kubectl apply → the operator (from the chart, under its
 * ServiceAccount) → Job → the Job controller's pods → runner processes (under the runner ServiceAccount's
 * token) against the mock server → results in the ConfigMap and the status; cancel, TTL and garbage collection.
 */
class BenchmarkLifecycleIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final Duration RUN = Duration.ofMinutes(4);
    private final Benchmarks bms = new Benchmarks(CLUSTER);

    @Test
    void singleRunnerPublishesResultsInStatusConfigMapAndKubectlColumns() {
        long servedBefore = CLUSTER.mock().requestsServed();
        bms.apply("single", "phases: [{concurrency: 2, requests: 40}]");
        Benchmark bm = bms.awaitPhase("single", BenchmarkPhase.Complete, RUN);
        assertEquals(40, CLUSTER.mock().requestsServed() - servedBefore, "the mock answered exactly the run's requests");

        ResultsSummary r = bm.getStatus().getResults();
        assertNotNull(r, "status.results");
        assertEquals(40L, r.getRequestCount(), "every request the spec asked for");
        assertEquals(0L, r.getErrorCount() == null ? 0L : r.getErrorCount());
        assertTrue(r.getRequestThroughput() > 0, "req/s " + r.getRequestThroughput());
        assertTrue(r.getTimeToFirstToken().getP99() >= 5, "TTFT p99 at least the mock's 5 ms: " + r.getTimeToFirstToken());
        ConfigMap results = CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("single-results").get();
        assertTrue(results.getData().containsKey("summary.json") && results.getData().containsKey("summary.csv"), results.getData().keySet().toString());
        assertEquals(1, bms.events("single", "SpecValid").size(), "SpecValid is announced once");

        // what a user sees: kubectl get bm, with the CRD's printer columns
        String[] lines = CLUSTER.kubectl().run("get", "bm", "single", "-n", CLUSTER.namespace()).orFail().stdout().strip().split("\n");
        List<String> header = Arrays.asList(lines[0].trim().split("\\s{2,}"));
        List<String> row = Arrays.asList(lines[1].trim().split("\\s{2,}"));
        assertEquals(List.of("NAME", "PHASE", "MODEL", "LOAD", "REQ/S", "TTFT P99", "AGE"), header);
        assertEquals(List.of("single", "Complete", "mock-model", "concurrency 2"), row.subList(0, 4), String.join("\n", lines));
        assertEquals(r.getRequestThroughput(), Double.parseDouble(row.get(4)), 0.01 + r.getRequestThroughput() * 1e-3);
        assertEquals(r.getTimeToFirstToken().getP99(), Double.parseDouble(row.get(5)), 0.01 + r.getTimeToFirstToken().getP99() * 1e-3);
    }

    @Test
    void threeRunnersShareTheLoadAndTheCoordinatorMergesIt() {
        bms.apply("spread", "phases: [{concurrency: 3, requests: 90}]", "runners: {replicas: 3}");
        Benchmark bm = bms.awaitPhase("spread", BenchmarkPhase.Complete, RUN);

        assertEquals(90L, bm.getStatus().getResults().getRequestCount(), "the three runners' requests, merged");
        assertEquals(3, bm.getStatus().getRunners().getSucceeded());
        Job job = CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withName("spread-1").get();
        assertEquals(3, job.getStatus().getSucceeded());
        assertEquals(Set.of(0, 1, 2), Set.copyOf(bms.runnerPods("spread").stream()
                .map(p -> Integer.parseInt(p.getMetadata().getAnnotations().get("batch.kubernetes.io/job-completion-index"))).toList()));
        assertTrue(bms.children("spread").contains("Service/spread-runners"), "headless Service for the coordinator's address");
    }

    @Test
    void podsThatCannotPullTheirImageMakeTheBenchmarkStartingWithTheReasonUntilTheImageExists() {
        String image = "registry.test/redline-runner:not-pushed-yet";
        bms.apply("starting", "phases: [{concurrency: 1, requests: 5}]", "runners: {image: \"" + image + "\"}");
        CLUSTER.await("starting to report the pull error", Duration.ofMinutes(2), () -> bms.phase("starting") == BenchmarkPhase.Starting
                && bms.get("starting").getStatus().condition(ConditionType.Running).getMessage().contains("ImagePullBackOff"));
        String message = bms.get("starting").getStatus().condition(ConditionType.Running).getMessage();
        assertTrue(message.contains(image), message);

        CLUSTER.pushRunnerImage(image);
        assertEquals(5L, bms.awaitPhase("starting", BenchmarkPhase.Complete, RUN).getStatus().getResults().getRequestCount());
    }

    @Test
    void podsNoNodeCanTakeMakeTheBenchmarkStartingWithTheSchedulersReason() {
        bms.apply("nowhere", "phases: [{concurrency: 1, requests: 5}]", "runners: {nodeSelector: {gpu: h100}}");
        CLUSTER.await("nowhere to report Unschedulable", Duration.ofMinutes(2), () -> bms.phase("nowhere") == BenchmarkPhase.Starting
                && bms.get("nowhere").getStatus().condition(ConditionType.Running).getMessage().contains("Unschedulable"));
        assertTrue(bms.get("nowhere").getStatus().condition(ConditionType.Running).getMessage().contains("didn't match Pod's node affinity/selector"));
        CLUSTER.kubectl().run("patch", "bm", "nowhere", "-n", CLUSTER.namespace(), "--type", "merge", "-p", "{\"spec\":{\"cancel\":true}}").orFail();
        bms.awaitPhase("nowhere", BenchmarkPhase.Cancelled, Duration.ofSeconds(60));
    }

    @Test
    void cancelStopsTheRunnersAndKeepsTheirPartialResults() {
        bms.apply("stopme", "phases: [{concurrency: 2, duration: 300}]");
        bms.awaitRunnersRunning("stopme", 1, RUN);
        String pod = bms.runnerPods("stopme").get(0).getMetadata().getName();
        var process = CLUSTER.kubelet().process(CLUSTER.namespace(), pod).orElseThrow();
        long served = CLUSTER.mock().requestsServed();
        CLUSTER.await("requests to flow", Duration.ofMinutes(2), () -> CLUSTER.mock().requestsServed() >= served + 10);
        CLUSTER.kubectl().run("patch", "bm", "stopme", "-n", CLUSTER.namespace(), "--type", "merge", "-p", "{\"spec\":{\"cancel\":true}}").orFail();

        bms.awaitPhase("stopme", BenchmarkPhase.Cancelled, Duration.ofSeconds(60));
        Job job = CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withName("stopme-1").get();
        assertEquals(Boolean.TRUE, job.getSpec().getSuspend(), "cancel suspends the Job");
        assertTrue(process.waitFor(Duration.ofSeconds(90)), "the runner process stopped");
        assertEquals(143, process.process().exitValue(), "stopped by SIGTERM (the Job controller deleted the pod)");
        CLUSTER.await("the partial results in status", Duration.ofSeconds(60), () -> {
            ResultsSummary r = bms.get("stopme").getStatus().getResults();
            return r != null && r.getRequestCount() != null && r.getRequestCount() > 0;
        });
        CLUSTER.await("the runner pods removed", Duration.ofSeconds(60), () -> bms.runnerPods("stopme").isEmpty());
        assertEquals(BenchmarkPhase.Cancelled, bms.phase("stopme"));
    }

    @Test
    void ttlDeletesTheFinishedBenchmarkAndTheGarbageCollectorItsChildren() {
        bms.apply("shortlived", "phases: [{concurrency: 1, requests: 5}]", "ttlSecondsAfterFinished: 3");
        bms.awaitPhase("shortlived", BenchmarkPhase.Complete, RUN);
        assertFalse(bms.children("shortlived").isEmpty());
        CLUSTER.await("the TTL to delete shortlived", Duration.ofSeconds(60), () -> bms.get("shortlived") == null);
        CLUSTER.await("the garbage collector to delete its children", Duration.ofSeconds(90), () -> bms.children("shortlived").isEmpty());
    }

    @Test
    void deletingARunningBenchmarkStopsItsRunnersAndDeletesEverythingItOwns() {
        bms.apply("doomed", "phases: [{concurrency: 2, duration: 300}]", "runners: {replicas: 2}");
        bms.awaitRunnersRunning("doomed", 2, RUN);
        var processes = bms.runnerPods("doomed").stream()
                .map(p -> CLUSTER.kubelet().process(CLUSTER.namespace(), p.getMetadata().getName()).orElseThrow()).toList();
        assertEquals(Set.of("ConfigMap/doomed-results", "ConfigMap/doomed-spec-1", "Job/doomed-1", "Role/doomed-runner",
                "RoleBinding/doomed-runner", "Service/doomed-runners", "ServiceAccount/doomed-runner"),
                Set.copyOf(bms.children("doomed").stream().filter(c -> !c.startsWith("Pod/")).toList()));

        CLUSTER.kubectl().run("delete", "bm", "doomed", "-n", CLUSTER.namespace(), "--wait=false").orFail();
        CLUSTER.await("the garbage collector to delete doomed's children", Duration.ofSeconds(120), () -> bms.children("doomed").isEmpty());
        for (var p : processes) assertTrue(p.waitFor(Duration.ofSeconds(60)), "runner process " + p.name() + " stopped");
    }

}
