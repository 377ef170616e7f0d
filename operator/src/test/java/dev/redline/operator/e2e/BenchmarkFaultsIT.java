package dev.redline.operator.e2e;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on a real control plane, each with its decided outcome (docs/operator.md, "Faults"): a runner
 * killed mid-run, the operator killed and restarted mid-run, the results ConfigMap deleted mid-run, the
 * apiserver down for 10 s.
 */
class BenchmarkFaultsIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final Duration RUN = Duration.ofMinutes(4);
    private final Benchmarks bms = new Benchmarks(CLUSTER);

    /** The runner Job of the Benchmark's first run. */
    private Job job(String name) {
        return CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withName(name + "-1").get();
    }

    private void awaitLoad(int requests) {
        long start = CLUSTER.mock().requestsServed();
        CLUSTER.await(requests + " requests served", Duration.ofMinutes(2), () -> CLUSTER.mock().requestsServed() >= start + requests);
    }

    /** No retry (a re-run would mix two runs' numbers): the Job fails, the Benchmark ends Failed with the coordinator's partial report. */
    @Test
    void aKilledRunnerFailsTheBenchmarkWithAPartialReportAndNoRetry() {
        long servedBefore = CLUSTER.mock().requestsServed();
        bms.apply("killed", "phases: [{concurrency: 3, duration: 300}]", "runners: {replicas: 3}");
        bms.awaitRunnersRunning("killed", 3, RUN);
        awaitLoad(30);
        Pod agent = bms.runnerPods("killed").stream()
                .filter(p -> "2".equals(p.getMetadata().getAnnotations().get("batch.kubernetes.io/job-completion-index"))).findFirst().orElseThrow();
        CLUSTER.kubelet().kill(CLUSTER.namespace(), agent.getMetadata().getName());

        Benchmark bm = bms.awaitPhase("killed", BenchmarkPhase.Failed, Duration.ofMinutes(2));
        assertEquals(ConditionReason.RunnerFailed.name(), bm.getStatus().condition(ConditionType.Failed).getReason());
        CLUSTER.await("the coordinator's partial report in status", Duration.ofMinutes(2), () -> {
            ResultsSummary r = bms.get("killed").getStatus().getResults();
            return r != null && r.getRequestCount() != null && r.getRequestCount() > 0;
        });
        assertTrue(bms.get("killed").getStatus().getResults().getRequestCount() <= CLUSTER.mock().requestsServed() - servedBefore,
                "a partial report counts no more than the mock answered");
        ConfigMap results = CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("killed-results").get();
        assertTrue(results.getData().containsKey("error"), "the coordinator says why it stopped: " + results.getData().keySet());
        assertEquals(3, countPodsEverCreated("killed-1"), "no replacement pod: backoffLimit 0");
        assertEquals(BenchmarkPhase.Failed, bms.phase("killed"));
    }

    /** Pods the Job controller created, from its SuccessfulCreate events (pods may be gone by now). */
    private long countPodsEverCreated(String job) {
        return CLUSTER.client().v1().events().inNamespace(CLUSTER.namespace()).list().getItems().stream()
                .filter(e -> "Job".equals(e.getInvolvedObject().getKind()) && job.equals(e.getInvolvedObject().getName())
                        && "SuccessfulCreate".equals(e.getReason()))
                .mapToLong(e -> e.getCount() == null ? 1 : e.getCount()).sum();
    }

    @Test
    void aRestartedOperatorAdoptsTheRunningJobAndStillMergesTheResults() throws Exception {
        long servedBefore = CLUSTER.mock().requestsServed();
        bms.apply("adopted", "phases: [{concurrency: 2, duration: 25}]", "runners: {replicas: 2}");
        bms.awaitRunnersRunning("adopted", 2, RUN);
        Job before = job("adopted");
        CLUSTER.operator().kill();
        awaitLoad(20);
        CLUSTER.operator().start();

        Benchmark bm = bms.awaitPhase("adopted", BenchmarkPhase.Complete, RUN);
        List<Job> jobs = CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace())
                .withLabel("redline.dev/benchmark", "adopted").list().getItems();
        assertEquals(1, jobs.size(), "no second Job");
        assertEquals(before.getMetadata().getUid(), jobs.get(0).getMetadata().getUid(), "the same Job, adopted");
        assertEquals(2, countPodsEverCreated("adopted-1"), "no extra runner pods");
        assertEquals(CLUSTER.mock().requestsServed() - servedBefore, bm.getStatus().getResults().getRequestCount(),
                "both runners' requests, merged after the restart");
        assertEquals(1, bms.events("adopted", "SpecValid").size(), "the new operator does not announce the spec again");
    }

    @Test
    void aDeletedResultsConfigMapIsRecreatedAndGetsTheFullResults() {
        long servedBefore = CLUSTER.mock().requestsServed();
        bms.apply("rewritten", "phases: [{concurrency: 2, duration: 20}]");
        bms.awaitRunnersRunning("rewritten", 1, RUN);
        String uid = CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("rewritten-results").get().getMetadata().getUid();
        CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("rewritten-results").delete();
        CLUSTER.await("the operator to recreate rewritten-results", Duration.ofSeconds(60), () -> {
            ConfigMap cm = CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("rewritten-results").get();
            return cm != null && !cm.getMetadata().getUid().equals(uid);
        });

        Benchmark bm = bms.awaitPhase("rewritten", BenchmarkPhase.Complete, RUN);
        long served = CLUSTER.mock().requestsServed() - servedBefore;
        assertTrue(served > 0);
        assertEquals(served, bm.getStatus().getResults().getRequestCount(), "nothing lost: every request the mock answered is counted");
        ConfigMap cm = CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("rewritten-results").get();
        assertNotEquals(uid, cm.getMetadata().getUid());
        assertTrue(cm.getData().containsKey("summary.json"), "the runner wrote into the recreated ConfigMap");
    }

    @Test
    void theOperatorResumesAfterTheApiserverWasUnreachableFor10Seconds() throws Exception {
        long servedBefore = CLUSTER.mock().requestsServed();
        bms.apply("partitioned", "phases: [{concurrency: 2, duration: 40}]");
        bms.awaitRunnersRunning("partitioned", 1, RUN);
        CLUSTER.controlPlane().stopApiserver();
        Thread.sleep(10_000);
        CLUSTER.controlPlane().startApiserver();

        Benchmark bm = bms.awaitPhase("partitioned", BenchmarkPhase.Complete, RUN);
        assertTrue(CLUSTER.operator().process().alive(), "the operator rode it out");
        long served = CLUSTER.mock().requestsServed() - servedBefore;
        assertTrue(served > 0);
        assertEquals(served, bm.getStatus().getResults().getRequestCount(), "all of the run's requests, after the outage");
    }
}
