package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

import java.util.List;
import java.util.Map;

/**
 * AIPerf's {@code mlflow:} section: after the run's files are written, its summary metrics, parameters, tags and
 * artifacts go to an MLflow tracking server as one MLflow run. Set trackingUri to turn it on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MlflowSpec {
    public static final String DEFAULT_EXPERIMENT = "aiperf";
    /** AIPerf's default artifact globs, relative to the artifact directory. */
    public static final List<String> DEFAULT_ARTIFACT_GLOBS = List.of("*.json", "*.csv", "*.jsonl", "*.parquet",
            "*_timeslices.*", "**/*.png", "**/*.jpg", "**/*.jpeg", "**/*.svg", "**/*.html");

    @JsonPropertyDescription("MLflow tracking server, http(s)://host[:port][/path], e.g. http://mlflow.mlflow:5000. Setting it turns the upload on.")
    private String trackingUri;

    @JsonPropertyDescription("Experiment name; created when missing. Default aiperf.")
    private String experiment;

    @JsonPropertyDescription("Run name. Default redline-<first 8 characters of the benchmark id>.")
    private String runName;

    @JsonPropertyDescription("Extra run tags (key: value).")
    @Size(max = 64)
    private Map<String, String> tags;

    @JsonPropertyDescription("Run id of an existing MLflow run to nest this run under (mlflow.parentRunId); a sweep or multi-run nests every cell under it.")
    private String parentRunId;

    @JsonPropertyDescription("Which files of the artifact directory to upload (globs relative to it). Default *.json, *.csv, *.jsonl, *.parquet, *_timeslices.*, **/*.png, **/*.jpg, **/*.jpeg, **/*.svg, **/*.html.")
    @JsonAlias("artifactGlob")
    @Size(max = 64)
    private List<String> artifactGlobs;

    public String getTrackingUri() { return trackingUri; }
    public void setTrackingUri(String trackingUri) { this.trackingUri = trackingUri; }
    public String getExperiment() { return experiment; }
    public void setExperiment(String experiment) { this.experiment = experiment; }
    public String getRunName() { return runName; }
    public void setRunName(String runName) { this.runName = runName; }
    public Map<String, String> getTags() { return tags; }
    public void setTags(Map<String, String> tags) { this.tags = tags; }
    public String getParentRunId() { return parentRunId; }
    public void setParentRunId(String parentRunId) { this.parentRunId = parentRunId; }
    public List<String> getArtifactGlobs() { return artifactGlobs; }
    public void setArtifactGlobs(List<String> artifactGlobs) { this.artifactGlobs = artifactGlobs; }

    /** Whether the upload is on. */
    public boolean enabled() { return trackingUri != null && !trackingUri.isBlank(); }

    public String resolvedExperiment() { return experiment == null || experiment.isBlank() ? DEFAULT_EXPERIMENT : experiment.strip(); }

    public List<String> resolvedArtifactGlobs() { return artifactGlobs == null || artifactGlobs.isEmpty() ? DEFAULT_ARTIFACT_GLOBS : artifactGlobs; }

    public Map<String, String> resolvedTags() { return tags == null ? Map.of() : tags; }
}
