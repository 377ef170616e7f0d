package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A Secret holding S3 credentials under two keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectStoreCredentials {
    @JsonPropertyDescription("Secret name, in the Benchmark's namespace.")
    @Required
    private String name;

    @JsonPropertyDescription("Key of the access key id. Default AWS_ACCESS_KEY_ID.")
    private String accessKeyIdKey;

    @JsonPropertyDescription("Key of the secret access key. Default AWS_SECRET_ACCESS_KEY.")
    private String secretAccessKeyKey;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAccessKeyIdKey() { return accessKeyIdKey; }
    public void setAccessKeyIdKey(String accessKeyIdKey) { this.accessKeyIdKey = accessKeyIdKey; }
    public String getSecretAccessKeyKey() { return secretAccessKeyKey; }
    public void setSecretAccessKeyKey(String secretAccessKeyKey) { this.secretAccessKeyKey = secretAccessKeyKey; }

    public String resolvedAccessKeyIdKey() { return accessKeyIdKey == null ? "AWS_ACCESS_KEY_ID" : accessKeyIdKey; }
    public String resolvedSecretAccessKeyKey() { return secretAccessKeyKey == null ? "AWS_SECRET_ACCESS_KEY" : secretAccessKeyKey; }
}
