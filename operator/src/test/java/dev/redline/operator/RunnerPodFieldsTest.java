package dev.redline.operator;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ObjectStoreCredentials;
import dev.redline.api.v1alpha1.ObjectStoreSpec;
import dev.redline.api.v1alpha1.OutputSpec;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.api.v1alpha1.SecretKeyRef;
import dev.redline.api.v1alpha1.SecretMount;
import dev.redline.api.validate.RunnerPodRules;
import dev.redline.operator.children.RunnerJobFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
import java.util.Set;

import static dev.redline.operator.MockCluster.NS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pod-level runner fields (what {@code aiperf kube profile}'s deployment flags map to) land in the runner Job, and a
 * Job that Kubernetes deleted after its run (runners.ttlSecondsAfterFinished) is never created again.
 */
@EnableKubernetesMockClient(crud = true)
class RunnerPodFieldsTest {
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

    static RunnerSpec everyPodField() {
        RunnerSpec r = new RunnerSpec();
        r.setServiceAccountName("bench-sa");
        r.setImagePullSecrets(List.of("regcred", "mirror-cred"));
        r.setPodLabels(Map.of("team", "perf", "app.kubernetes.io/part-of", "bench"));
        r.setPodAnnotations(Map.of("sidecar.istio.io/inject", "false"));
        r.setEnv(List.of(new EnvVar("HF_HUB_OFFLINE", "1", null), new EnvVarBuilder().withName("HF_TOKEN").withNewValueFrom()
                .withNewSecretKeyRef().withName("hf").withKey("token").endSecretKeyRef().endValueFrom().build()));
        r.setSecretMounts(List.of(new SecretMount("tls-ca", "/etc/ssl/custom", null), new SecretMount("tokenizer", "/models/tok.json", "tok.json")));
        r.setConfigMapMounts(List.of(new dev.redline.api.v1alpha1.ConfigMapMount("podfields-files", "/var/lib/redline/files",
                List.of(new dev.redline.api.v1alpha1.ConfigMapMount.Item("f0", "input-file/trace.jsonl")))));
        r.setPriorityClassName("benchmark-high");
        r.setQueueName("gpu-queue");
        r.setTtlSecondsAfterFinished(300);
        return r;
    }

    @Test
    void everyPodFieldLandsInTheRunnerJob() {
        Benchmark bm = MockCluster.benchmark("podfields");
        bm.getSpec().setRunners(everyPodField());
        client.resource(bm).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "podfields") != null);
        Job job = MockCluster.job(client, "podfields");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container runner = pod.getContainers().get(0);

        assertEquals("bench-sa", pod.getServiceAccountName());
        assertEquals(List.of(new LocalObjectReference("regcred"), new LocalObjectReference("mirror-cred")), pod.getImagePullSecrets());
        assertEquals("benchmark-high", pod.getPriorityClassName());
        assertEquals("gpu-queue", job.getMetadata().getLabels().get("kueue.x-k8s.io/queue-name"));
        assertEquals(300, job.getSpec().getTtlSecondsAfterFinished());

        Map<String, String> labels = job.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals("perf", labels.get("team"));
        assertEquals("bench", labels.get("app.kubernetes.io/part-of"));
        assertEquals("podfields", labels.get("redline.dev/benchmark"), "the operator's labels stay");
        assertEquals("runner", labels.get("app.kubernetes.io/component"));
        Map<String, String> annotations = job.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("false", annotations.get("sidecar.istio.io/inject"));
        assertEquals("true", annotations.get("prometheus.io/scrape"), "the scrape annotations stay");

        // appended after the operator's own variables, a secretKeyRef kept as it is
        List<EnvVar> env = runner.getEnv();
        assertEquals("HF_HUB_OFFLINE", env.get(env.size() - 2).getName());
        EnvVar token = env.get(env.size() - 1);
        assertEquals("HF_TOKEN", token.getName());
        assertEquals("hf", token.getValueFrom().getSecretKeyRef().getName());
        assertEquals("token", token.getValueFrom().getSecretKeyRef().getKey());
        assertTrue(env.stream().anyMatch(e -> e.getName().equals("REDLINE_BENCHMARK")));

        Map<String, Volume> volumes = new java.util.HashMap<>();
        pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        VolumeMount ca = mount(runner, "/etc/ssl/custom");
        assertEquals("tls-ca", volumes.get(ca.getName()).getSecret().getSecretName());
        assertTrue(ca.getReadOnly());
        assertNull(ca.getSubPath());
        VolumeMount tok = mount(runner, "/models/tok.json");
        assertEquals("tokenizer", volumes.get(tok.getName()).getSecret().getSecretName());
        assertEquals("tok.json", tok.getSubPath());
        assertTrue(!ca.getName().equals(tok.getName()), "one volume per Secret mount");
        assertEquals("/etc/redline", mount(runner, "/etc/redline").getMountPath(), "the operator's mounts stay");
        // kube profile's local files: the ConfigMap as a read-only directory, each key at its relative path
        VolumeMount files = mount(runner, "/var/lib/redline/files");
        assertTrue(files.getReadOnly());
        assertNull(files.getSubPath());
        var filesVolume = volumes.get(files.getName()).getConfigMap();
        assertEquals("podfields-files", filesVolume.getName());
        assertEquals(List.of(new io.fabric8.kubernetes.api.model.KeyToPath("f0", null, "input-file/trace.jsonl")), filesVolume.getItems());

        // the user's account gets the runner Role, so the coordinator can still write the results ConfigMap
        RoleBinding binding = client.rbac().roleBindings().inNamespace(NS).withName("podfields-runner").get();
        assertEquals(1, binding.getSubjects().size());
        assertEquals("bench-sa", binding.getSubjects().get(0).getName());
        assertEquals(NS, binding.getSubjects().get(0).getNamespace());
        assertEquals("podfields-runner", binding.getRoleRef().getName());
    }

    @Test
    void withoutTheFieldsThePodIsAsBefore() {
        client.resource(MockCluster.benchmark("plainpod")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "plainpod") != null);
        Job job = MockCluster.job(client, "plainpod");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertEquals("plainpod-runner", pod.getServiceAccountName());
        assertTrue(pod.getImagePullSecrets() == null || pod.getImagePullSecrets().isEmpty());
        assertNull(pod.getPriorityClassName());
        assertNull(job.getSpec().getTtlSecondsAfterFinished());
        assertTrue(!job.getMetadata().getLabels().containsKey("kueue.x-k8s.io/queue-name"));
        assertEquals(3, pod.getVolumes().size());
        assertEquals("plainpod-runner", client.rbac().roleBindings().inNamespace(NS).withName("plainpod-runner").get()
                .getSubjects().get(0).getName());
    }

    @Test
    void aJobDeletedAfterTheRunCompletedIsNotCreatedAgainAndTheVerdictStands() {
        Benchmark bm = MockCluster.benchmark("ttldone");
        RunnerSpec r = new RunnerSpec();
        r.setTtlSecondsAfterFinished(0);
        bm.getSpec().setRunners(r);
        client.resource(bm).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "ttldone") != null);
        MockCluster.jobRunning(client, "ttldone", 1);
        MockCluster.writeResults(client, "ttldone", Map.of("summary.json", MockCluster.SUMMARY_JSON));
        MockCluster.jobFinished(client, "ttldone", "Complete", "CompletionsReached", "done");
        Benchmark done = awaitPhase("ttldone", BenchmarkPhase.Complete);

        deleteJob("ttldone"); // plays the TTL controller
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> MockCluster.job(client, "ttldone") == null
                && MockCluster.get(client, "ttldone").getStatus().getPhase() == BenchmarkPhase.Complete);
        Benchmark after = MockCluster.get(client, "ttldone");
        assertEquals(done.getStatus().condition(ConditionType.Complete).getMessage(), after.getStatus().condition(ConditionType.Complete).getMessage());
        assertEquals(done.getStatus().getCompletionTime(), after.getStatus().getCompletionTime());
        assertEquals(1, after.getStatus().getRunners().getSucceeded(), "the runner counts are the finished Job's");
        assertEquals(480L, after.getStatus().getResults().getRequestCount());
        assertTrue(MockCluster.configMap(client, "ttldone-results").getData().containsKey("summary.json"), "the results stay");
    }

    @Test
    void aJobDeletedAfterItFailedIsNotCreatedAgain() {
        client.resource(MockCluster.benchmark("ttlfail")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, "ttlfail") != null);
        MockCluster.jobFinished(client, "ttlfail", "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        awaitPhase("ttlfail", BenchmarkPhase.Failed);
        deleteJob("ttlfail");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> MockCluster.job(client, "ttlfail") == null
                && MockCluster.get(client, "ttlfail").getStatus().getPhase() == BenchmarkPhase.Failed);
        assertEquals("RunnerFailed", MockCluster.get(client, "ttlfail").getStatus().condition(ConditionType.Failed).getReason());
    }

    @Test
    void aJobGoneBeforeItWasSeenToFinishIsNotCreatedAgainAndTheResultsDecide() {
        for (String name : List.of("goneok", "gonebad")) {
            client.resource(MockCluster.benchmark(name)).create();
            await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.job(client, name) != null);
            MockCluster.jobRunning(client, name, 1);
            awaitPhase(name, BenchmarkPhase.Running);
        }
        // a TTL of 0: the Job finished and was deleted before the operator saw its Complete condition
        MockCluster.writeResults(client, "goneok", Map.of("summary.json", MockCluster.SUMMARY_JSON));
        await().atMost(Duration.ofSeconds(15)).until(() -> MockCluster.get(client, "goneok").getStatus().getResults() != null);
        deleteJob("goneok");
        deleteJob("gonebad");

        awaitPhase("goneok", BenchmarkPhase.Complete);
        Benchmark bad = awaitPhase("gonebad", BenchmarkPhase.Failed);
        assertEquals("ResultsMissing", bad.getStatus().condition(ConditionType.Failed).getReason());
        assertTrue(bad.getStatus().condition(ConditionType.Failed).getMessage().contains("was deleted before it was seen to finish"),
                bad.getStatus().condition(ConditionType.Failed).getMessage());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                MockCluster.job(client, "goneok") == null && MockCluster.job(client, "gonebad") == null);
    }

    /** Every name, label, annotation and mount the operator sets on a runner pod is one admission refuses from a user. */
    @Test
    void theReservedListsCoverEverythingTheJobBuilderSets() {
        Benchmark bm = MockCluster.benchmark("reserved");
        bm.getMetadata().setUid("u");
        RunnerSpec r = new RunnerSpec();
        r.setReplicas(2); // the coordinator address
        r.setColocateWith(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "vllm")).build()); // DCGM discovery
        bm.getSpec().setRunners(r);
        bm.getSpec().setApiKeySecretRef(new SecretKeyRef("key", null));
        ObjectStoreSpec store = new ObjectStoreSpec();
        store.setEndpoint("http://minio:9000");
        store.setBucket("b");
        store.setCredentialsSecretRef(new ObjectStoreCredentials());
        store.getCredentialsSecretRef().setName("s3");
        OutputSpec output = new OutputSpec();
        output.setObjectStore(store);
        bm.getSpec().setOutput(output);
        Job job = RunnerJobFactory.job(bm, MockCluster.settings());
        Container runner = job.getSpec().getTemplate().getSpec().getContainers().get(0);

        List<String> names = runner.getEnv().stream().map(EnvVar::getName).toList();
        assertTrue(names.contains("AWS_SECRET_ACCESS_KEY") && names.contains("REDLINE_COORDINATOR"), names.toString());
        for (String name : names) assertTrue(RunnerPodRules.reservedEnv(name), name + " is set by the operator but not reserved");
        assertTrue(RunnerPodRules.reservedEnv(dev.redline.api.v1alpha1.RunnerEnvironment.JOB_COMPLETION_INDEX));
        for (String key : job.getSpec().getTemplate().getMetadata().getLabels().keySet()) {
            assertTrue(RunnerSpec.RESERVED_LABELS.contains(key) || RunnerSpec.RESERVED_LABEL_PREFIXES.stream().anyMatch(key::startsWith),
                    key + " is a label the operator sets but not reserved");
        }
        assertEquals(Set.copyOf(RunnerSpec.RESERVED_ANNOTATIONS), job.getSpec().getTemplate().getMetadata().getAnnotations().keySet());
        assertEquals(Set.copyOf(RunnerSpec.RESERVED_MOUNTS), Set.copyOf(runner.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList()));
    }

    private static VolumeMount mount(Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount at " + path + " in " + c.getVolumeMounts()));
    }

    private static void deleteJob(String benchmark) {
        client.batch().v1().jobs().inNamespace(NS).withName(benchmark + "-1").delete();
        await().atMost(Duration.ofSeconds(5)).until(() -> MockCluster.job(client, benchmark) == null);
    }

    private static Benchmark awaitPhase(String name, BenchmarkPhase phase) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Benchmark bm = MockCluster.get(client, name);
            return bm != null && bm.getStatus() != null && bm.getStatus().getPhase() == phase;
        });
        return MockCluster.get(client, name);
    }
}
