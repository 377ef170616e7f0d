package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A file written into the artifact directory when the run starts (AIPerf's {@code artifacts.userFiles}): its content
 * is a template rendered with the run's facts ({@code model}, {@code endpoint_url}, {@code artifact_dir},
 * {@code epoch}, {@code job_name}, {@code namespace}) and the config's variables.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserFileSpec {
    @JsonPropertyDescription("Path relative to the artifact directory (no '..').")
    private String path;

    @JsonPropertyDescription("json (default), yaml or text.")
    private String format;

    @JsonPropertyDescription("A mapping written as JSON/YAML, or a string written as text; strings may hold {{ templates }}.")
    private Object content;

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public Object getContent() { return content; }
    public void setContent(Object content) { this.content = content; }
}
