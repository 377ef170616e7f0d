package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/** The runner pods of a Benchmark: one Indexed Job, index 0 coordinates, the others are agents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.secretMounts) || !has(self.configMapMounts) || self.configMapMounts.all(c, !self.secretMounts.exists(s, s.mountPath == c.mountPath))",
        message = "configMapMounts and secretMounts must not share a mountPath; pick another path", fieldPath = ".configMapMounts")
public class RunnerSpec {
    public static final int DEFAULT_REPLICAS = 1;
    /** A Kubernetes object name (RFC 1123 subdomain): Secrets, ServiceAccounts, PriorityClasses, LocalQueues. */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /* What the operator sets on the runner pod itself; a user value could break the run, so admission refuses it.
       The operator's tests check these lists against what its Job builder really sets. */
    /** Env names of the runner contract: every REDLINE_* variable, and these. */
    public static final String RESERVED_ENV_PREFIX = "REDLINE_";
    public static final List<String> RESERVED_ENV = List.of("JOB_COMPLETION_INDEX", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "RUST_FLAVOR", "DJL_OFFLINE", "DJL_CACHE_DIR", "HOME");
    private static final String RESERVED_ENV_CEL = "['JOB_COMPLETION_INDEX', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', "
            + "'RUST_FLAVOR', 'DJL_OFFLINE', 'DJL_CACHE_DIR', 'HOME']";
    /** Pod label keys the operator and the Job controller select on, and the prefixes they own. */
    public static final List<String> RESERVED_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/managed-by",
            "app.kubernetes.io/component", "controller-uid", "job-name");
    public static final List<String> RESERVED_LABEL_PREFIXES = List.of("redline.dev/", "batch.kubernetes.io/");
    /** Pod annotations of the Prometheus scrape the operator sets up. */
    public static final List<String> RESERVED_ANNOTATIONS = List.of("prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path");
    /** The runner container's own mounts (spec, scratch, exports). */
    public static final List<String> RESERVED_MOUNTS = List.of("/etc/redline", "/tmp", "/var/lib/redline/artifacts");
    /** The Kueue label that puts the Job into a LocalQueue. */
    public static final String KUEUE_QUEUE_LABEL = "kueue.x-k8s.io/queue-name";

    @JsonPropertyDescription("Number of runner pods (Job completions = parallelism). Default 1.")
    @Min(1)
    @Max(256)
    private Integer replicas;

    @JsonPropertyDescription("Runner container image. Default: the operator's configured runner image.")
    private String image;

    @JsonPropertyDescription("Always, IfNotPresent or Never. Default: Kubernetes' default for the image tag.")
    @Pattern("^(Always|IfNotPresent|Never)$")
    private String imagePullPolicy;

    @JsonPropertyDescription("Runner container resources. The CPU limit is set equal to the CPU request (no throttling jitter). Default: 2 CPU, 2Gi.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Node labels the runner pods must match.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Tolerations of the runner pods, e.g. to run on GPU nodes next to the model server.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Pod affinity rules, merged with the one colocateWith produces.")
    private Affinity affinity;

    @JsonPropertyDescription("Label selector of the model server's pods; runners are scheduled onto the same nodes (required pod affinity on kubernetes.io/hostname).")
    private LabelSelector colocateWith;

    @JsonPropertyDescription("ServiceAccount the runner pods run as, instead of the <name>-runner one the operator creates. The operator "
            + "binds its runner Role (write the results ConfigMap; with colocateWith, read pods) to this account for the Benchmark's "
            + "lifetime, so it needs no other RBAC for Redline. The account must exist in the Benchmark's namespace.")
    @Size(max = 253)
    @Pattern(DNS_SUBDOMAIN)
    private String serviceAccountName;

    @JsonPropertyDescription("Names of docker-registry Secrets in the Benchmark's namespace used to pull the runner image (pod imagePullSecrets).")
    @Size(max = 16)
    // no CEL regex over the names: the apiserver refuses its cost on strings of unbounded length; the operator checks them
    // (RunnerPodRules: Accepted=False and a SpecInvalid Event)
    private List<String> imagePullSecrets;

    @JsonPropertyDescription("Labels added to the runner pods. The operator's own labels (app.kubernetes.io/name, managed-by, component, "
            + "redline.dev/*) and the Job controller's (batch.kubernetes.io/*, controller-uid, job-name) cannot be set here.")
    @Size(max = 64)
    @ValidationRule(value = "!('app.kubernetes.io/name' in self) && !('app.kubernetes.io/managed-by' in self) "
            + "&& !('app.kubernetes.io/component' in self) && !('controller-uid' in self) && !('job-name' in self) "
            + "&& self.all(k, !k.startsWith('redline.dev/') && !k.startsWith('batch.kubernetes.io/'))",
            message = "podLabels must not set app.kubernetes.io/name, app.kubernetes.io/managed-by, app.kubernetes.io/component, "
                    + "controller-uid, job-name, redline.dev/* or batch.kubernetes.io/*: the operator and the Job controller select "
                    + "the runner pods by them; use another key")
    private Map<String, String> podLabels;

    @JsonPropertyDescription("Annotations added to the runner pods. The Prometheus scrape annotations (prometheus.io/scrape, port, path) are the operator's.")
    @Size(max = 64)
    @ValidationRule(value = "!('prometheus.io/scrape' in self) && !('prometheus.io/port' in self) && !('prometheus.io/path' in self)",
            message = "podAnnotations must not set prometheus.io/scrape, prometheus.io/port or prometheus.io/path: the operator sets them "
                    + "so Prometheus scrapes the runners' live metrics; use another key")
    private Map<String, String> podAnnotations;

    @JsonPropertyDescription("Environment variables appended to the runner container's, e.g. valueFrom.secretKeyRef for a token "
            + "(AIPerf's --env-from-secrets NAME=secret/key). Names of the runner contract (REDLINE_*, JOB_COMPLETION_INDEX, "
            + "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, RUST_FLAVOR, DJL_OFFLINE, DJL_CACHE_DIR, HOME) are the operator's.")
    @Size(max = 64)
    @ValidationRule(value = "self.all(e, has(e.name) && e.name != '')", message = "every env entry needs a name")
    @ValidationRule(value = "self.all(e, !has(e.name) || !e.name.startsWith('REDLINE_') && !(e.name in " + RESERVED_ENV_CEL + "))",
            message = "env must not set REDLINE_*, JOB_COMPLETION_INDEX, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, RUST_FLAVOR, "
                    + "DJL_OFFLINE, DJL_CACHE_DIR or HOME: the operator sets them for the runner (for the API key use apiKeySecretRef, "
                    + "for S3 keys output.objectStore.credentialsSecretRef)")
    private List<EnvVar> env;

    @JsonPropertyDescription("Secrets mounted read-only into the runner container, one volume each (AIPerf's --secret-mount).")
    @Size(max = 16)
    @ValidationRule(value = "self.all(m, self.exists_one(o, o.mountPath == m.mountPath))",
            message = "secretMounts must have distinct mountPaths")
    @ValidationRule(value = "self.all(m, !(m.mountPath in ['/etc/redline', '/tmp', '/var/lib/redline/artifacts']))",
            message = "secretMounts must not use /etc/redline, /tmp or /var/lib/redline/artifacts: the runner's spec, scratch and exports are mounted there; pick another path")
    private List<SecretMount> secretMounts;

    @JsonPropertyDescription("ConfigMaps mounted read-only into the runner container as directories, one volume each: "
            + "redline kube profile puts the local files its flags name (dataset, tokenizer, prompts) into <name>-files and mounts it at "
            + "/var/lib/redline/files.")
    @Size(max = 16)
    @ValidationRule(value = "self.all(m, self.exists_one(o, o.mountPath == m.mountPath))",
            message = "configMapMounts must have distinct mountPaths")
    @ValidationRule(value = "self.all(m, !(m.mountPath in ['/etc/redline', '/tmp', '/var/lib/redline/artifacts']))",
            message = "configMapMounts must not use /etc/redline, /tmp or /var/lib/redline/artifacts: the runner's spec, scratch and exports are mounted there; pick another path")
    private List<ConfigMapMount> configMapMounts;

    @JsonPropertyDescription("PriorityClass of the runner pods (pod priorityClassName).")
    @Size(max = 253)
    @Pattern(DNS_SUBDOMAIN)
    private String priorityClassName;

    @JsonPropertyDescription("Kueue LocalQueue of the runner Job (label kueue.x-k8s.io/queue-name on the Job): Kueue keeps the Job "
            + "suspended until the queue admits it; the deadline counts from admission.")
    @Size(max = 63)
    @Pattern(DNS_SUBDOMAIN)
    private String queueName;

    @JsonPropertyDescription("Seconds after the runner Job finished until Kubernetes deletes it and its pods (Job ttlSecondsAfterFinished). "
            + "The results ConfigMap and the Benchmark's status stay, and the Job is not created again. Unlike spec.ttlSecondsAfterFinished, "
            + "which deletes the whole Benchmark. Default: the Job stays until the next run or the Benchmark's deletion.")
    @Min(0)
    @Max(31536000)
    private Integer ttlSecondsAfterFinished;

    public Integer getReplicas() { return replicas; }
    public void setReplicas(Integer replicas) { this.replicas = replicas; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public String getImagePullPolicy() { return imagePullPolicy; }
    public void setImagePullPolicy(String imagePullPolicy) { this.imagePullPolicy = imagePullPolicy; }
    public ResourceRequirements getResources() { return resources; }
    public void setResources(ResourceRequirements resources) { this.resources = resources; }
    public Map<String, String> getNodeSelector() { return nodeSelector; }
    public void setNodeSelector(Map<String, String> nodeSelector) { this.nodeSelector = nodeSelector; }
    public List<Toleration> getTolerations() { return tolerations; }
    public void setTolerations(List<Toleration> tolerations) { this.tolerations = tolerations; }
    public Affinity getAffinity() { return affinity; }
    public void setAffinity(Affinity affinity) { this.affinity = affinity; }
    public LabelSelector getColocateWith() { return colocateWith; }
    public void setColocateWith(LabelSelector colocateWith) { this.colocateWith = colocateWith; }

    public String getServiceAccountName() { return serviceAccountName; }
    public void setServiceAccountName(String serviceAccountName) { this.serviceAccountName = serviceAccountName; }
    public List<String> getImagePullSecrets() { return imagePullSecrets; }
    public void setImagePullSecrets(List<String> imagePullSecrets) { this.imagePullSecrets = imagePullSecrets; }
    public Map<String, String> getPodLabels() { return podLabels; }
    public void setPodLabels(Map<String, String> podLabels) { this.podLabels = podLabels; }
    public Map<String, String> getPodAnnotations() { return podAnnotations; }
    public void setPodAnnotations(Map<String, String> podAnnotations) { this.podAnnotations = podAnnotations; }
    public List<EnvVar> getEnv() { return env; }
    public void setEnv(List<EnvVar> env) { this.env = env; }
    public List<SecretMount> getSecretMounts() { return secretMounts; }
    public void setSecretMounts(List<SecretMount> secretMounts) { this.secretMounts = secretMounts; }
    public List<ConfigMapMount> getConfigMapMounts() { return configMapMounts; }
    public void setConfigMapMounts(List<ConfigMapMount> configMapMounts) { this.configMapMounts = configMapMounts; }
    public String getPriorityClassName() { return priorityClassName; }
    public void setPriorityClassName(String priorityClassName) { this.priorityClassName = priorityClassName; }
    public String getQueueName() { return queueName; }
    public void setQueueName(String queueName) { this.queueName = queueName; }
    public Integer getTtlSecondsAfterFinished() { return ttlSecondsAfterFinished; }
    public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) { this.ttlSecondsAfterFinished = ttlSecondsAfterFinished; }

    public int resolvedReplicas() { return replicas == null ? DEFAULT_REPLICAS : replicas; }
}
