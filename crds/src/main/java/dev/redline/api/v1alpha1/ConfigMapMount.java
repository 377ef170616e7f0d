package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;

/**
 * A ConfigMap of the Benchmark's namespace mounted read-only into the runner container as a directory: how
 * {@code redline kube profile} hands the runner pods the local files its flags name (dataset, tokenizer, prompts).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigMapMount {
    @JsonPropertyDescription("Name of the ConfigMap, in the Benchmark's namespace.")
    @Required
    @Size(max = 253)
    @Pattern(RunnerSpec.DNS_SUBDOMAIN)
    private String configMapName;

    @JsonPropertyDescription("Absolute directory in the runner container where the ConfigMap's keys (or items) appear, read-only. "
            + "Not /etc/redline, /tmp or /var/lib/redline/artifacts (the operator mounts those).")
    @Required
    @Size(max = 4096)
    @Pattern("^/.+$")
    private String mountPath;

    @JsonPropertyDescription("Keys mounted as files at paths relative to mountPath (subdirectories allowed, no '..'); "
            + "default: every key as a file of its name.")
    @Size(max = 1024)
    private List<Item> items;

    public ConfigMapMount() { }

    public ConfigMapMount(String configMapName, String mountPath, List<Item> items) {
        this.configMapName = configMapName;
        this.mountPath = mountPath;
        this.items = items;
    }

    public String getConfigMapName() { return configMapName; }
    public void setConfigMapName(String configMapName) { this.configMapName = configMapName; }
    public String getMountPath() { return mountPath; }
    public void setMountPath(String mountPath) { this.mountPath = mountPath; }
    public List<Item> getItems() { return items; }
    public void setItems(List<Item> items) { this.items = items; }

    /** One key of the ConfigMap and the file it becomes (a volume's {@code items[]} entry). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @ValidationRule(value = "!(self.path == '..' || self.path.startsWith('../') || self.path.endsWith('/..') || self.path.contains('/../'))",
            message = "items[].path must stay inside mountPath; remove the '..' segments", fieldPath = ".path")
    public static class Item {
        @JsonPropertyDescription("Key of the ConfigMap (data or binaryData).")
        @Required
        @Size(max = 253)
        @Pattern("^[-._a-zA-Z0-9]+$")
        private String key;

        @JsonPropertyDescription("Relative path of the file under mountPath.")
        @Required
        @Size(max = 1024)
        @Pattern("^[^/].*$")
        private String path;

        public Item() { }

        public Item(String key, String path) {
            this.key = key;
            this.path = path;
        }

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
    }
}
