package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/** The runner pods of a Benchmark: one Indexed Job, index 0 coordinates, the others are agents. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunnerSpec {
    public static final int DEFAULT_REPLICAS = 1;

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

    public int resolvedReplicas() { return replicas == null ? DEFAULT_REPLICAS : replicas; }
}
