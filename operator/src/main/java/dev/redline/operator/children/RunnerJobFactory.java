package dev.redline.operator.children;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.ObjectStoreSpec;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.operator.OperatorSettings;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import dev.redline.api.v1alpha1.ConfigMapMount;
import dev.redline.api.v1alpha1.SecretMount;
import io.fabric8.kubernetes.api.model.KeyToPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Indexed Job of a Benchmark's run ({@code <name>-<run>}): {@code completions = parallelism = replicas}, no retries (a
 * re-run would skew the numbers), a deadline from {@link DeadlinePlanner}, non-root pods with a
 * read-only root filesystem. Index 0 ({@code JOB_COMPLETION_INDEX}, set by Kubernetes) coordinates.
 */
public final class RunnerJobFactory {
    public static final String SPEC_MOUNT = "/etc/redline";
    public static final String ARTIFACTS_MOUNT = "/var/lib/redline/artifacts";
    public static final long RUNNER_UID = 65532;
    static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

    /** Read by the common "kubernetes-pods" Prometheus scrape job. */
    static final java.util.Map<String, String> SCRAPE_ANNOTATIONS = java.util.Map.of(
            "prometheus.io/scrape", "true",
            "prometheus.io/port", Integer.toString(RunnerEnvironment.DEFAULT_METRICS_PORT),
            "prometheus.io/path", "/metrics");

    private RunnerJobFactory() { }

    public static Job job(Benchmark bm, OperatorSettings settings) {
        ChildNames names = ChildNames.of(bm);
        return job(bm, bm.getSpec(), names, List.of("run", "--in-cluster", "--spec", SPEC_MOUNT + "/" + ConfigMapFactory.SPEC_KEY,
                "--results-configmap", names.resultsConfigMap()), DeadlinePlanner.deadlineSeconds(bm.getSpec(), settings), settings);
    }

    /**
     * The runner Job of any owner: a Benchmark's, or a Sweep's warm pool (one pod running every cell). The
     * spec ConfigMap {@code names.specConfigMap()} is mounted at {@link #SPEC_MOUNT}; {@code args} follow {@code redline}.
     */
    public static Job job(io.fabric8.kubernetes.api.model.HasMetadata bm, BenchmarkResourceSpec spec, ChildNames names, List<String> args,
                          long deadlineSeconds, OperatorSettings settings) {
        RunnerSpec runners = spec.resolvedRunners();
        int replicas = runners.resolvedReplicas();
        String image = runners.getImage() == null || runners.getImage().isBlank() ? settings.runnerImage() : runners.getImage();

        ContainerBuilder container = new ContainerBuilder()
                .withName("runner")
                .withImage(image)
                .withImagePullPolicy(runners.getImagePullPolicy())
                .withCommand("redline")
                .withArgs(args)
                .withEnv(env(bm, spec, names, replicas))
                .withResources(RunnerResources.resolve(runners.getResources()))
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("spec").withMountPath(SPEC_MOUNT).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .addNewVolumeMount().withName("artifacts").withMountPath(ARTIFACTS_MOUNT).endVolumeMount();
        List<SecretMount> secretMounts = runners.getSecretMounts() == null ? List.of() : runners.getSecretMounts();
        for (int i = 0; i < secretMounts.size(); i++) {
            SecretMount m = secretMounts.get(i);
            container.addNewVolumeMount().withName(secretVolume(i)).withMountPath(m.getMountPath()).withSubPath(m.getSubPath())
                    .withReadOnly(true).endVolumeMount();
        }
        List<ConfigMapMount> fileMounts = runners.getConfigMapMounts() == null ? List.of() : runners.getConfigMapMounts();
        for (int i = 0; i < fileMounts.size(); i++) {
            container.addNewVolumeMount().withName(configMapVolume(i)).withMountPath(fileMounts.get(i).getMountPath()).withReadOnly(true).endVolumeMount();
        }
        // every runner pod serves its live numbers (docs/telemetry.md, "Live metrics in a cluster")
        container.addNewPort().withName("metrics").withContainerPort(RunnerEnvironment.DEFAULT_METRICS_PORT).withProtocol("TCP").endPort();
        if (replicas > 1) {
            container.addNewPort().withName("coordinator").withContainerPort(ChildNames.COORDINATOR_PORT).endPort();
        }

        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withServiceAccountName(serviceAccount(runners, names))
                .withPriorityClassName(runners.getPriorityClassName())
                .withTerminationGracePeriodSeconds(30L)
                .withNewSecurityContext()
                .withRunAsNonRoot(true).withRunAsUser(RUNNER_UID).withRunAsGroup(RUNNER_UID).withFsGroup(RUNNER_UID)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withNodeSelector(runners.getNodeSelector())
                .withTolerations(runners.getTolerations())
                .withAffinity(affinity(runners))
                .withContainers(container.build())
                .addNewVolume().withName("spec").withNewConfigMap().withName(names.specConfigMap()).endConfigMap().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("artifacts").withNewEmptyDir().endEmptyDir().endVolume();
        if (replicas > 1) pod.withSubdomain(names.headlessService());
        for (int i = 0; i < secretMounts.size(); i++) {
            pod.addNewVolume().withName(secretVolume(i)).withNewSecret().withSecretName(secretMounts.get(i).getSecretName())
                    .endSecret().endVolume();
        }
        for (int i = 0; i < fileMounts.size(); i++) {
            ConfigMapMount m = fileMounts.get(i);
            List<KeyToPath> items = m.getItems() == null ? List.of()
                    : m.getItems().stream().map(it -> new KeyToPath(it.getKey(), null, it.getPath())).toList();
            pod.addNewVolume().withName(configMapVolume(i)).withNewConfigMap().withName(m.getConfigMapName()).withItems(items)
                    .endConfigMap().endVolume();
        }
        if (runners.getImagePullSecrets() != null) {
            for (String secret : runners.getImagePullSecrets()) pod.addToImagePullSecrets(new LocalObjectReference(secret));
        }

        var jobMeta = Owner.meta(bm, names.job(), "runner", names.run());
        // Kueue admits (unsuspends) a Job by this label; the Job's deadline only counts while it is not suspended
        if (runners.getQueueName() != null) jobMeta.getLabels().put(RunnerSpec.KUEUE_QUEUE_LABEL, runners.getQueueName());
        return new JobBuilder()
                .withMetadata(jobMeta)
                .withNewSpec()
                .withTtlSecondsAfterFinished(runners.getTtlSecondsAfterFinished())
                .withCompletionMode("Indexed")
                .withCompletions(replicas)
                .withParallelism(replicas)
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(deadlineSeconds)
                .withSuspend(spec.cancelRequested() ? Boolean.TRUE : null)
                .withNewTemplate()
                .withNewMetadata().withLabels(under(runners.getPodLabels(), ChildLabels.forRun(bm.getMetadata().getName(), "runner", names.run())))
                .withAnnotations(under(runners.getPodAnnotations(), SCRAPE_ANNOTATIONS)).endMetadata()
                .withSpec(pod.build())
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The user's ServiceAccount, else the one the operator creates; either way the runner RoleBinding names it. */
    public static String serviceAccount(RunnerSpec runners, ChildNames names) {
        String own = runners.getServiceAccountName();
        return own == null || own.isBlank() ? names.runnerIdentity() : own;
    }

    static String secretVolume(int index) {
        return "secret-" + index;
    }

    static String configMapVolume(int index) {
        return "files-" + index;
    }

    /** The user's keys, then the operator's over them (admission already refuses a collision with a key the operator relies on). */
    private static Map<String, String> under(Map<String, String> user, Map<String, String> operator) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (user != null) merged.putAll(user);
        merged.putAll(operator);
        return merged;
    }

    private static List<EnvVar> env(io.fabric8.kubernetes.api.model.HasMetadata bm, BenchmarkResourceSpec spec, ChildNames names, int replicas) {
        List<EnvVar> env = new ArrayList<>();
        // The DJL tokenizer must never try to fetch a CUDA build from the internet on GPU nodes.
        env.add(new EnvVar("RUST_FLAVOR", "cpu", null));
        env.add(new EnvVar("DJL_OFFLINE", "true", null));
        env.add(new EnvVar("DJL_CACHE_DIR", "/tmp/djl", null));
        env.add(new EnvVar("HOME", "/tmp", null));
        env.add(new EnvVar(RunnerEnvironment.BENCHMARK, bm.getMetadata().getName(), null));
        env.add(new EnvVarBuilder().withName(RunnerEnvironment.NAMESPACE).withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build());
        env.add(new EnvVar(RunnerEnvironment.RUNNERS, Integer.toString(replicas), null));
        env.add(new EnvVar(RunnerEnvironment.RUN, Integer.toString(names.run()), null));
        env.add(new EnvVar(RunnerEnvironment.ARTIFACTS_DIR, ARTIFACTS_MOUNT, null));
        env.add(new EnvVar(RunnerEnvironment.METRICS_PORT, Integer.toString(RunnerEnvironment.DEFAULT_METRICS_PORT), null));
        if (replicas > 1) env.add(new EnvVar(RunnerEnvironment.COORDINATOR, names.coordinatorAddress(), null));
        LabelSelector modelServer = spec.resolvedRunners().getColocateWith();
        if (modelServer != null) {
            // the coordinator finds the DCGM exporters on the model server's nodes (docs/telemetry.md)
            env.add(new EnvVar(RunnerEnvironment.MODEL_SERVER_SELECTOR, SelectorString.of(modelServer), null));
            String dcgmNs = spec.getTelemetry() == null ? null : spec.getTelemetry().getDcgmNamespace();
            env.add(new EnvVar(RunnerEnvironment.DCGM_NAMESPACE,
                    dcgmNs == null || dcgmNs.isBlank() ? bm.getMetadata().getNamespace() : dcgmNs, null));
        }
        if (spec.getApiKeySecretRef() != null) {
            env.add(secretEnv(RunnerEnvironment.API_KEY, spec.getApiKeySecretRef().getName(), spec.getApiKeySecretRef().resolvedKey()));
        }
        ObjectStoreSpec store = spec.resolvedOutput().getObjectStore();
        if (store != null) {
            env.add(new EnvVar(RunnerEnvironment.OBJECT_STORE_ENDPOINT, store.getEndpoint(), null));
            env.add(new EnvVar(RunnerEnvironment.OBJECT_STORE_BUCKET, store.getBucket(), null));
            env.add(new EnvVar(RunnerEnvironment.OBJECT_STORE_PREFIX,
                    store.resolvedPrefix() + "/" + bm.getMetadata().getNamespace() + "/" + bm.getMetadata().getName() + "/" + names.run(), null));
            env.add(new EnvVar(RunnerEnvironment.OBJECT_STORE_REGION, store.resolvedRegion(), null));
            if (store.getCredentialsSecretRef() != null) {
                var creds = store.getCredentialsSecretRef();
                env.add(secretEnv(RunnerEnvironment.AWS_ACCESS_KEY_ID, creds.getName(), creds.resolvedAccessKeyIdKey()));
                env.add(secretEnv(RunnerEnvironment.AWS_SECRET_ACCESS_KEY, creds.getName(), creds.resolvedSecretAccessKeyKey()));
            }
        }
        // appended: the user's own variables (tokens from Secrets); the operator's names are refused at admission
        if (spec.resolvedRunners().getEnv() != null) env.addAll(spec.resolvedRunners().getEnv());
        return env;
    }

    private static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
                .withName(secret).withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    /** The user's affinity plus, with colocateWith, a required pod affinity to the model server's nodes. */
    static Affinity affinity(RunnerSpec runners) {
        if (runners.getColocateWith() == null) return runners.getAffinity();
        PodAffinityTerm term = new PodAffinityTermBuilder()
                .withLabelSelector(runners.getColocateWith())
                .withTopologyKey(HOSTNAME_TOPOLOGY)
                .build();
        AffinityBuilder builder = runners.getAffinity() == null ? new AffinityBuilder() : new AffinityBuilder(runners.getAffinity());
        if (builder.hasPodAffinity()) {
            return builder.editPodAffinity().addToRequiredDuringSchedulingIgnoredDuringExecution(term).endPodAffinity().build();
        }
        return builder.withNewPodAffinity().addToRequiredDuringSchedulingIgnoredDuringExecution(term).endPodAffinity().build();
    }
}
