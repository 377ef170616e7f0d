package dev.redline.operator;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ObjectStoreSpec;
import dev.redline.api.v1alpha1.OutputSpec;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.api.v1alpha1.SecretKeyRef;
import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.api.v1alpha1.SloSpec;
import dev.redline.api.v1alpha1.SloStat;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.redline.operator.MockCluster.NS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciler end to end against Fabric8's CRUD mock API server; the test plays the Job controller and the runner. */
@EnableKubernetesMockClient(crud = true)
class BenchmarkReconcilerTest {
    static KubernetesClient client;
    static Operator operator;

    @BeforeAll
    static void start() throws Exception {
        MockCluster.installCrd(client);
        operator = MockCluster.startOperator(client, MockCluster.settings());
    }

    @AfterAll
    static void stop() {
        if (operator != null) operator.stop();
    }

    private static Benchmark awaitPhase(String name, BenchmarkPhase phase) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Benchmark bm = MockCluster.get(client, name);
            return bm != null && bm.getStatus() != null && bm.getStatus().getPhase() == phase;
        });
        return MockCluster.get(client, name);
    }

    private static Condition condition(Benchmark bm, ConditionType type) {
        Condition c = bm.getStatus().condition(type);
        assertNotNull(c, type + " condition missing in " + bm.getStatus().getConditions());
        return c;
    }

    @Test
    void createsOwnedChildrenAndTheIndexedJob() {
        Benchmark bm = MockCluster.benchmark("shape");
        RunnerSpec runners = new RunnerSpec();
        runners.setReplicas(3);
        runners.setNodeSelector(Map.of("pool", "bench"));
        runners.setTolerations(List.of(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule").build()));
        runners.setColocateWith(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "vllm")).build());
        runners.setResources(new ResourceRequirementsBuilder().withRequests(Map.of("cpu", new Quantity("4"), "memory", new Quantity("3Gi"))).build());
        bm.getSpec().setRunners(runners);
        bm.getSpec().setApiKeySecretRef(new SecretKeyRef("vllm-key", null));
        ObjectStoreSpec store = new ObjectStoreSpec();
        store.setEndpoint("http://minio.minio:9000");
        store.setBucket("results");
        OutputSpec output = new OutputSpec();
        output.setObjectStore(store);
        bm.getSpec().setOutput(output);
        Benchmark created = client.resource(bm).create();

        Benchmark pending = awaitPhase("shape", BenchmarkPhase.Pending);
        assertEquals("True", condition(pending, ConditionType.Accepted).getStatus());
        assertEquals("concurrency 8", pending.getStatus().getLoad());
        assertEquals("shape-results", pending.getStatus().getResultsConfigMap());

        // spec ConfigMap: the plain BenchmarkSpec the runner reads with SpecReader (no cluster-only keys)
        ConfigMap specCm = MockCluster.configMap(client, "shape-spec-1");
        String yaml = specCm.getData().get("spec.yaml");
        BenchmarkSpec forRunner = SpecReader.read(yaml, "spec.yaml");
        assertEquals(List.of("Qwen/Qwen3-0.6B"), forRunner.getModels());
        assertEquals(8, forRunner.getPhases().get(0).getConcurrency());
        assertFalse(yaml.contains("runners") || yaml.contains("apiKeySecretRef") || yaml.contains("objectStore"), yaml);
        assertTrue(MockCluster.configMap(client, "shape-results").getData() == null
                || MockCluster.configMap(client, "shape-results").getData().isEmpty());

        // runner identity: exactly one ConfigMap, three verbs; with colocateWith also reading pods (DCGM discovery)
        Role role = client.rbac().roles().inNamespace(NS).withName("shape-runner").get();
        assertEquals(2, role.getRules().size());
        PolicyRule rule = role.getRules().get(0);
        assertEquals(List.of(""), rule.getApiGroups());
        assertEquals(List.of("configmaps"), rule.getResources());
        assertEquals(List.of("shape-results"), rule.getResourceNames());
        assertEquals(List.of("get", "update", "patch"), rule.getVerbs());
        PolicyRule pods = role.getRules().get(1);
        assertEquals(List.of(""), pods.getApiGroups());
        assertEquals(List.of("pods"), pods.getResources());
        assertEquals(List.of(), pods.getResourceNames() == null ? List.of() : pods.getResourceNames());
        assertEquals(List.of("get", "list"), pods.getVerbs());
        RoleBinding binding = client.rbac().roleBindings().inNamespace(NS).withName("shape-runner").get();
        assertEquals("shape-runner", binding.getRoleRef().getName());
        assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
        assertEquals("shape-runner", binding.getSubjects().get(0).getName());
        ServiceAccount sa = client.serviceAccounts().inNamespace(NS).withName("shape-runner").get();
        Service svc = client.services().inNamespace(NS).withName("shape-runners").get();
        assertEquals("None", svc.getSpec().getClusterIP());
        assertEquals(Map.of("redline.dev/benchmark", "shape", "app.kubernetes.io/component", "runner"), svc.getSpec().getSelector());

        Job job = MockCluster.job(client, "shape");
        for (HasMetadata child : List.of(specCm, MockCluster.configMap(client, "shape-results"), role, binding, sa, svc, job)) {
            List<OwnerReference> refs = child.getMetadata().getOwnerReferences();
            assertEquals(1, refs.size(), child.getKind());
            assertEquals(created.getMetadata().getUid(), refs.get(0).getUid());
            assertEquals("Benchmark", refs.get(0).getKind());
            assertEquals("redline.dev/v1alpha1", refs.get(0).getApiVersion());
            assertTrue(refs.get(0).getController());
            assertEquals("redline-operator", child.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
        }

        assertEquals("Indexed", job.getSpec().getCompletionMode());
        assertEquals(3, job.getSpec().getCompletions());
        assertEquals(3, job.getSpec().getParallelism());
        assertEquals(0, job.getSpec().getBackoffLimit());
        // one phase: 60 s + 30 s default grace, +10 %, + 300 s margin
        assertEquals(399L, job.getSpec().getActiveDeadlineSeconds());
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        assertEquals("shape-runner", pod.getServiceAccountName());
        assertEquals("shape-runners", pod.getSubdomain());
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(Map.of("pool", "bench"), pod.getNodeSelector());
        assertEquals("nvidia.com/gpu", pod.getTolerations().get(0).getKey());
        var affinity = pod.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0);
        assertEquals("kubernetes.io/hostname", affinity.getTopologyKey());
        assertEquals(Map.of("app", "vllm"), affinity.getLabelSelector().getMatchLabels());

        Container c = pod.getContainers().get(0);
        assertEquals("registry.test/redline-runner:test", c.getImage());
        assertEquals(List.of("redline"), c.getCommand());
        assertEquals(List.of("run", "--in-cluster", "--spec", "/etc/redline/spec.yaml", "--results-configmap", "shape-results"), c.getArgs());
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(new Quantity("4"), c.getResources().getRequests().get("cpu"));
        assertEquals(new Quantity("4"), c.getResources().getLimits().get("cpu"));
        assertEquals(new Quantity("3Gi"), c.getResources().getLimits().get("memory"));
        assertEquals(List.of("/etc/redline", "/tmp", "/var/lib/redline/artifacts"),
                c.getVolumeMounts().stream().map(m -> m.getMountPath()).toList());
        Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertEquals("cpu", env.get("RUST_FLAVOR").getValue());
        assertEquals("true", env.get("DJL_OFFLINE").getValue());
        assertEquals("3", env.get("REDLINE_RUNNERS").getValue());
        assertEquals("shape-1-0.shape-runners:5670", env.get("REDLINE_COORDINATOR").getValue());
        assertEquals("1", env.get("REDLINE_RUN").getValue());
        assertEquals("vllm-key", env.get("REDLINE_API_KEY").getValueFrom().getSecretKeyRef().getName());
        assertEquals("api-key", env.get("REDLINE_API_KEY").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("redline/bench/shape/1", env.get("REDLINE_OBJECT_STORE_PREFIX").getValue(), "each run its own prefix");
        assertEquals("app=vllm", env.get("REDLINE_MODEL_SERVER_SELECTOR").getValue());
        assertEquals(NS, env.get("REDLINE_DCGM_NAMESPACE").getValue());
        // live metrics: every pod serves them, Prometheus finds them by the usual pod annotations
        assertEquals("9464", env.get("REDLINE_METRICS_PORT").getValue());
        assertEquals(Map.of("metrics", 9464, "coordinator", 5670),
                c.getPorts().stream().collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort())));
        Map<String, String> annotations = MockCluster.job(client, "shape").getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals("9464", annotations.get("prometheus.io/port"));
        assertEquals("/metrics", annotations.get("prometheus.io/path"));
        assertEquals("configMap", pod.getVolumes().get(0).getConfigMap() != null ? "configMap" : "?");
        assertEquals("shape-spec-1", pod.getVolumes().get(0).getConfigMap().getName());
    }

    @Test
    void singleRunnerHasNoServiceAndRunningFollowsTheJob() {
        client.resource(MockCluster.benchmark("solo")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "solo") != null);
        assertNull(client.services().inNamespace(NS).withName("solo-runners").get());
        assertNull(MockCluster.job(client, "solo").getSpec().getTemplate().getSpec().getSubdomain());
        // no colocateWith: no DCGM discovery, so neither its environment nor the pods rule
        assertTrue(MockCluster.job(client, "solo").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .noneMatch(e -> e.getName().equals("REDLINE_MODEL_SERVER_SELECTOR") || e.getName().equals("REDLINE_DCGM_NAMESPACE")));
        assertEquals(List.of(List.of("configmaps")), client.rbac().roles().inNamespace(NS).withName("solo-runner").get()
                .getRules().stream().map(PolicyRule::getResources).toList());

        MockCluster.jobRunning(client, "solo", 1);
        Benchmark running = awaitPhase("solo", BenchmarkPhase.Running);
        assertEquals(1, running.getStatus().getRunners().getActive());
        assertEquals(1, running.getStatus().getRunners().getDesired());

        MockCluster.writeResults(client, "solo", Map.of("progress.json",
                "{\"phase\": \"profiling\", \"requestsCompleted\": 120, \"elapsedSeconds\": 15.5, \"durationSeconds\": 60}"));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            var progress = MockCluster.get(client, "solo").getStatus().getProgress();
            return progress != null && Long.valueOf(120).equals(progress.getRequestsCompleted());
        });
        assertEquals("profiling", MockCluster.get(client, "solo").getStatus().getProgress().getPhase());
        assertNotNull(running.getStatus().getStartTime());
        assertEquals("RunnersActive", condition(running, ConditionType.Running).getReason());
    }

    @Test
    void succeededJobWithSummaryCompletesAndMirrorsResults() {
        Benchmark bm = MockCluster.benchmark("done");
        bm.getSpec().setSlo(List.of(
                new SloSpec("time_to_first_token", SloStat.P99, SloOperator.LE, 200.0),
                new SloSpec("request_throughput", null, SloOperator.GE, 5.0)));
        client.resource(bm).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "done") != null);

        MockCluster.writeResults(client, "done", Map.of("summary.json", MockCluster.SUMMARY_JSON, "summary.csv", "Metric,avg\n",
                "artifacts.json", MockCluster.ARTIFACTS_JSON));
        MockCluster.jobFinished(client, "done", "Complete", "CompletionsReached", "Reached expected number of succeeded pods");

        Benchmark done = awaitPhase("done", BenchmarkPhase.Complete);
        var results = done.getStatus().getResults();
        assertEquals(480L, results.getRequestCount());
        assertEquals(8.0, results.getRequestThroughput());
        assertEquals(120.0, results.getTimeToFirstToken().getP99());
        assertEquals(100.0, results.getTimeToFirstToken().getP95());
        assertEquals(20.0, results.getInterTokenLatency().getP99());
        assertEquals(2L, results.getErrorCount());
        assertEquals(60.0, results.getDurationSeconds());
        assertTrue(condition(done, ConditionType.Complete).getMessage().contains("480 requests, 8.0 req/s"),
                condition(done, ConditionType.Complete).getMessage());
        assertEquals(503, results.getTopErrors().get(0).getCode());
        assertEquals("s3://bench/redline/bench/bm/profile_export_redline.json", results.getArtifacts().get(0).getUri());
        assertEquals("configmap://done-results/summary.json", results.getArtifacts().get(1).getUri());
        assertEquals("ResultsPublished", condition(done, ConditionType.Complete).getReason());
        assertEquals("True", condition(done, ConditionType.SLOMet).getStatus());
        assertEquals(120.0, done.getStatus().getSlo().get(0).getActual());
        assertEquals("False", condition(done, ConditionType.Failed).getStatus());
        assertNotNull(done.getStatus().getCompletionTime());
        assertEquals(done.getMetadata().getGeneration(), done.getStatus().getObservedGeneration());

        await().atMost(Duration.ofSeconds(5)).until(() -> MockCluster.events(client, "done").stream()
                .anyMatch(e -> "ResultsPublished".equals(e.getReason()) && "Normal".equals(e.getType())));
    }

    @Test
    void violatedSloSetsSloMetFalse() {
        Benchmark bm = MockCluster.benchmark("slow");
        bm.getSpec().setSlo(List.of(new SloSpec("time_to_first_token", SloStat.P90, null, 50.0)));
        client.resource(bm).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "slow") != null);
        MockCluster.writeResults(client, "slow", Map.of("summary.json", MockCluster.SUMMARY_JSON));
        MockCluster.jobFinished(client, "slow", "Complete", "CompletionsReached", "done");
        Benchmark done = awaitPhase("slow", BenchmarkPhase.Complete);
        Condition slo = condition(done, ConditionType.SLOMet);
        assertEquals("False", slo.getStatus());
        assertEquals("SLOsViolated", slo.getReason());
        assertTrue(slo.getMessage().contains("time_to_first_token p90 <= 50 (actual 80.0)"), slo.getMessage());
    }

    @Test
    void failedJobFailsWithTheReason() {
        client.resource(MockCluster.benchmark("crash")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "crash") != null);
        MockCluster.jobFinished(client, "crash", "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        Benchmark failed = awaitPhase("crash", BenchmarkPhase.Failed);
        Condition c = condition(failed, ConditionType.Failed);
        assertEquals("RunnerFailed", c.getReason());
        assertTrue(c.getMessage().contains("BackoffLimitExceeded"), c.getMessage());
        await().atMost(Duration.ofSeconds(5)).until(() -> MockCluster.events(client, "crash").stream()
                .anyMatch(e -> "RunnerFailed".equals(e.getReason()) && "Warning".equals(e.getType())));
    }

    @Test
    void deadlineExceededIsItsOwnReason() {
        client.resource(MockCluster.benchmark("late")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "late") != null);
        MockCluster.jobFinished(client, "late", "Failed", "DeadlineExceeded", "Job was active longer than specified deadline");
        assertEquals("DeadlineExceeded", condition(awaitPhase("late", BenchmarkPhase.Failed), ConditionType.Failed).getReason());
    }

    @Test
    void succeededJobWithoutSummaryFailsAsResultsMissing() {
        client.resource(MockCluster.benchmark("mute")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "mute") != null);
        MockCluster.jobFinished(client, "mute", "Complete", "CompletionsReached", "done");
        Benchmark failed = awaitPhase("mute", BenchmarkPhase.Failed);
        Condition c = condition(failed, ConditionType.Failed);
        assertEquals("ResultsMissing", c.getReason());
        assertTrue(c.getMessage().contains("mute-results has no summary.json"), c.getMessage());
    }

    @Test
    void aSummaryInAShapeTheOperatorCannotReadFailsAtOnceAndSaysWhy() {
        client.resource(MockCluster.benchmark("skew")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "skew") != null);
        MockCluster.writeResults(client, "skew", Map.of("summary.json", MockCluster.OLD_CAMEL_CASE_SUMMARY));
        MockCluster.jobFinished(client, "skew", "Complete", "CompletionsReached", "done");
        Benchmark failed = awaitPhase("skew", BenchmarkPhase.Failed);
        Condition c = condition(failed, ConditionType.Failed);
        assertEquals("ResultsUnreadable", c.getReason());
        assertTrue(c.getMessage().contains("summary.json in ConfigMap skew-results has no schema_version"), c.getMessage());
        assertTrue(c.getMessage().contains("camelCase"), c.getMessage());
        assertNull(failed.getStatus().getResults());
    }

    @Test
    void aFailedRunnerSaysWhyInTheConditionAndItsPartialResultsAreKept() {
        client.resource(MockCluster.benchmark("partial")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "partial") != null);
        MockCluster.writeResults(client, "partial", Map.of("summary.json", MockCluster.SUMMARY_JSON,
                "error", "runner 1: cannot reach the model"));
        MockCluster.jobFinished(client, "partial", "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        Benchmark failed = awaitPhase("partial", BenchmarkPhase.Failed);
        Condition c = condition(failed, ConditionType.Failed);
        assertTrue(c.getMessage().contains("the runner said: runner 1: cannot reach the model"), c.getMessage());
        assertEquals(480L, failed.getStatus().getResults().getRequestCount());
    }

    @Test
    void podsThatDoNotRunYetMakeTheBenchmarkStartingWithTheirReasons() {
        Benchmark bm = MockCluster.benchmark("queued");
        RunnerSpec two = new RunnerSpec();
        two.setReplicas(2);
        bm.getSpec().setRunners(two);
        client.resource(bm).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "queued") != null);
        MockCluster.runnerPod(client, "queued", 0, MockCluster.unschedulable("0/3 nodes are available: 3 Insufficient nvidia.com/gpu."));
        MockCluster.runnerPod(client, "queued", 1, MockCluster.waiting("ImagePullBackOff", "Back-off pulling image \"registry.test/redline-runner:test\""));
        MockCluster.jobActive(client, "queued", 2, 0);
        Benchmark starting = awaitPhase("queued", BenchmarkPhase.Starting);
        Condition running = condition(starting, ConditionType.Running);
        assertEquals("False", running.getStatus());
        assertEquals("RunnersStarting", running.getReason());
        assertTrue(running.getMessage().startsWith("0 of 2 runners running; waiting: 1 ImagePullBackOff (Back-off pulling image"),
                running.getMessage());
        assertTrue(running.getMessage().contains("1 Unschedulable (0/3 nodes are available: 3 Insufficient nvidia.com/gpu.)"),
                running.getMessage());

        MockCluster.runnerPod(client, "queued", 1, MockCluster.running());
        Benchmark now = awaitPhase("queued", BenchmarkPhase.Running);
        assertTrue(condition(now, ConditionType.Running).getMessage().startsWith("1 of 2 runners running; waiting: 1 Unschedulable"),
                condition(now, ConditionType.Running).getMessage());
    }

    @Test
    void invalidSpecIsRejectedWithoutChildren() {
        Benchmark bm = MockCluster.benchmark("broken");
        bm.getSpec().getPhases().get(0).setConcurrency(0);
        client.resource(bm).create();
        Benchmark invalid = awaitPhase("broken", BenchmarkPhase.Invalid);
        Condition accepted = condition(invalid, ConditionType.Accepted);
        assertEquals("False", accepted.getStatus());
        assertEquals("SpecInvalid", accepted.getReason());
        assertTrue(accepted.getMessage().startsWith("spec.phases[0].concurrency: "), accepted.getMessage());
        await().atMost(Duration.ofSeconds(5)).until(() -> MockCluster.events(client, "broken").stream()
                .anyMatch(e -> "SpecInvalid".equals(e.getReason()) && "Warning".equals(e.getType())
                        && e.getMessage().contains("phases[0].concurrency")));
        assertNull(MockCluster.job(client, "broken"));
        assertNull(MockCluster.configMap(client, "broken-spec-1"));
        assertNull(MockCluster.configMap(client, "broken-results"));
        assertNull(client.rbac().roles().inNamespace(NS).withName("broken-runner").get());
        assertEquals(1, MockCluster.events(client, "broken").size(), "one event per transition, not per reconcile");
    }

    @Test
    void cancelSuspendsTheJobAndKeepsPartialResults() {
        client.resource(MockCluster.benchmark("stop")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "stop") != null);
        MockCluster.jobRunning(client, "stop", 1);
        awaitPhase("stop", BenchmarkPhase.Running);
        MockCluster.writeResults(client, "stop", Map.of("summary.json", MockCluster.SUMMARY_JSON));

        client.resources(Benchmark.class).inNamespace(NS).withName("stop").edit(b -> {
            b.getSpec().setCancel(true);
            return b;
        });
        Benchmark cancelled = awaitPhase("stop", BenchmarkPhase.Cancelled);
        assertEquals("Cancelled", condition(cancelled, ConditionType.Failed).getReason());
        assertEquals(480L, cancelled.getStatus().getResults().getRequestCount());
        assertTrue(MockCluster.job(client, "stop").getSpec().getSuspend(), "runner Job suspended");
        assertNotNull(cancelled.getStatus().getCompletionTime());
    }

    @Test
    void cancelBeforeStartCreatesNoJob() {
        Benchmark bm = MockCluster.benchmark("never");
        bm.getSpec().setCancel(true);
        client.resource(bm).create();
        awaitPhase("never", BenchmarkPhase.Cancelled);
        assertNull(MockCluster.job(client, "never"));
    }

    @Test
    void ttlDeletesAFinishedBenchmark() {
        Benchmark bm = MockCluster.benchmark("brief");
        bm.getSpec().setTtlSecondsAfterFinished(1L);
        client.resource(bm).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "brief") != null);
        MockCluster.writeResults(client, "brief", Map.of("summary.json", MockCluster.SUMMARY_JSON));
        assertNotNull(MockCluster.get(client, "brief"), "not deleted while running");
        MockCluster.jobFinished(client, "brief", "Complete", "CompletionsReached", "done");
        // with a 1 s TTL the Complete phase can come and go between two polls on a loaded machine
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Benchmark b = MockCluster.get(client, "brief");
            return b == null || (b.getStatus() != null && b.getStatus().getPhase() == BenchmarkPhase.Complete);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> MockCluster.get(client, "brief") == null);
    }
}
