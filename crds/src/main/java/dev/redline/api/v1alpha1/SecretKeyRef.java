package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the Benchmark's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {
    public static final String DEFAULT_KEY = "api-key";

    @JsonPropertyDescription("Secret name.")
    @Required
    private String name;

    @JsonPropertyDescription("Key inside the Secret. Default api-key.")
    private String key;

    public SecretKeyRef() { }

    public SecretKeyRef(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }

    public String resolvedKey() { return key == null || key.isBlank() ? DEFAULT_KEY : key; }
}
