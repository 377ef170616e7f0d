package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where one exported file can be fetched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArtifactRef {
    @JsonPropertyDescription("File name, e.g. profile_export_redline.json.")
    private String name;
    @JsonPropertyDescription("Location: s3://bucket/key, or configmap://<name>/<key> for the results ConfigMap.")
    private String uri;

    public ArtifactRef() { }

    public ArtifactRef(String name, String uri) {
        this.name = name;
        this.uri = uri;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUri() { return uri; }
    public void setUri(String uri) { this.uri = uri; }
}
