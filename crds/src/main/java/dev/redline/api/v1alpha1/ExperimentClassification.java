package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

import java.util.List;

/** AIPerf's {@code plot.experiment_classification}: globs that mark runs as baseline or treatment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExperimentClassification {
    public static final String BASELINE = "baseline";
    public static final String TREATMENT = "treatment";

    @JsonPropertyDescription("Globs (e.g. *baseline*) on the run directory's name or path that mark a baseline.")
    private List<String> baselines;

    @JsonPropertyDescription("Globs that mark a treatment (checked after the baselines).")
    private List<String> treatments;

    @JsonPropertyDescription("baseline or treatment (default) for runs no glob matches.")
    @JsonProperty("default")
    @Pattern("^(baseline|treatment)$")
    private String defaultType;

    @JsonPropertyDescription("Regex whose first group, found in the run's name or a parent directory's name, is the run's experiment group (e.g. ^(baseline|treatment_\\d+)); unset: the matching parent directory, else the run.")
    private String groupExtractionPattern;

    @JsonPropertyDescription("Legend names of experiment groups, e.g. treatment_1: Large input.")
    private java.util.Map<String, String> groupDisplayNames;

    public List<String> getBaselines() { return baselines; }
    public void setBaselines(List<String> baselines) { this.baselines = baselines; }
    public List<String> getTreatments() { return treatments; }
    public void setTreatments(List<String> treatments) { this.treatments = treatments; }
    @JsonProperty("default")
    public String getDefaultType() { return defaultType; }
    @JsonProperty("default")
    public void setDefaultType(String defaultType) { this.defaultType = defaultType; }

    public String getGroupExtractionPattern() { return groupExtractionPattern; }
    public void setGroupExtractionPattern(String groupExtractionPattern) { this.groupExtractionPattern = groupExtractionPattern; }
    public java.util.Map<String, String> getGroupDisplayNames() { return groupDisplayNames; }
    public void setGroupDisplayNames(java.util.Map<String, String> groupDisplayNames) { this.groupDisplayNames = groupDisplayNames; }

    public List<String> resolvedBaselines() { return baselines == null ? List.of() : baselines; }
    public List<String> resolvedTreatments() { return treatments == null ? List.of() : treatments; }
    public String resolvedDefault() { return defaultType == null ? TREATMENT : defaultType; }
}
