package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Secret of the Benchmark's namespace mounted read-only into the runner container (AIPerf's --secret-mount). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretMount {
    @JsonPropertyDescription("Name of the Secret, in the Benchmark's namespace.")
    @Required
    @Size(max = 253)
    @Pattern(RunnerSpec.DNS_SUBDOMAIN)
    private String secretName;

    @JsonPropertyDescription("Absolute path in the runner container where the Secret (or, with subPath, one of its keys) appears, read-only. "
            + "Not /etc/redline, /tmp or /var/lib/redline/artifacts (the operator mounts those).")
    @Required
    @Size(max = 4096)
    @Pattern("^/.+$")
    private String mountPath;

    @JsonPropertyDescription("One key of the Secret, mounted as the file mountPath instead of the whole Secret as a directory.")
    @Size(max = 253)
    @Pattern("^[-._a-zA-Z0-9]*[-_a-zA-Z0-9][-._a-zA-Z0-9]*$")
    private String subPath;

    public SecretMount() { }

    public SecretMount(String secretName, String mountPath, String subPath) {
        this.secretName = secretName;
        this.mountPath = mountPath;
        this.subPath = subPath;
    }

    public String getSecretName() { return secretName; }
    public void setSecretName(String secretName) { this.secretName = secretName; }
    public String getMountPath() { return mountPath; }
    public void setMountPath(String mountPath) { this.mountPath = mountPath; }
    public String getSubPath() { return subPath; }
    public void setSubPath(String subPath) { this.subPath = subPath; }
}
