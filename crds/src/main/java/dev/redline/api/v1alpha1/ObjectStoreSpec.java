package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, GCS interop...) addressed path-style. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectStoreSpec {
    @JsonPropertyDescription("Endpoint URL, e.g. https://s3.us-east-1.amazonaws.com or http://minio.minio:9000.")
    @Required
    private String endpoint;

    @JsonPropertyDescription("Bucket name; it must exist.")
    @Required
    private String bucket;

    @JsonPropertyDescription("Key prefix; objects land under <prefix>/<namespace>/<benchmark>/<run>/ (in a cluster, one prefix per run). Default redline.")
    private String prefix;

    @JsonPropertyDescription("Signing region. Default us-east-1.")
    private String region;

    @JsonPropertyDescription("Secret with the access key id and secret access key.")
    private ObjectStoreCredentials credentialsSecretRef;

    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getBucket() { return bucket; }
    public void setBucket(String bucket) { this.bucket = bucket; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public ObjectStoreCredentials getCredentialsSecretRef() { return credentialsSecretRef; }
    public void setCredentialsSecretRef(ObjectStoreCredentials credentialsSecretRef) { this.credentialsSecretRef = credentialsSecretRef; }

    public String resolvedPrefix() { return prefix == null || prefix.isBlank() ? "redline" : prefix; }
    public String resolvedRegion() { return region == null || region.isBlank() ? "us-east-1" : region; }
}
