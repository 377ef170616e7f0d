package dev.redline.runner.cli;

import dev.redline.api.config.MlflowTags;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.MlflowSpec;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AIPerf's MLflow upload flags; they fill the spec's {@code mlflow} section (see docs/mlflow.md). */
public final class MlflowOptions implements SpecOptions {
    @Option(names = "--mlflow-tracking-uri", paramLabel = "URL",
            description = "After the run, upload its metrics, parameters, tags and artifacts to this MLflow tracking server (http(s)://HOST:PORT).")
    String trackingUri;

    @Option(names = "--mlflow-experiment", paramLabel = "NAME", description = "MLflow experiment, created when missing (default aiperf).")
    String experiment;

    @Option(names = "--mlflow-run-name", paramLabel = "NAME", description = "MLflow run name (default redline-<benchmark id prefix>).")
    String runName;

    @Option(names = "--mlflow-tag", arity = "1..*", paramLabel = "KEY:VALUE",
            description = "Extra MLflow run tag, key:value (repeatable, comma-separated, or a JSON object).")
    List<String> tags;

    @Option(names = "--mlflow-parent-run-id", paramLabel = "RUN_ID",
            description = "Nest the run (every cell of a sweep or multi-run) under this existing MLflow run.")
    String parentRunId;

    @Option(names = "--mlflow-artifact-glob", arity = "1..*", split = ",", paramLabel = "GLOB",
            description = "Files of the artifact directory to upload, replacing the default globs (repeatable, comma-separated).")
    List<String> artifactGlobs;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        if (trackingUri == null && experiment == null && runName == null && tags == null && parentRunId == null && artifactGlobs == null) return;
        MlflowSpec m = spec.mlflow();
        if (trackingUri != null) m.setTrackingUri(trackingUri.strip());
        if (experiment != null) m.setExperiment(experiment.strip());
        if (runName != null) m.setRunName(runName.isBlank() ? null : runName.strip()); // AIPerf: an empty name is the default
        if (parentRunId != null) m.setParentRunId(parentRunId.strip());
        if (tags != null) m.setTags(parsedTags(m.getTags()));
        if (artifactGlobs != null) m.setArtifactGlobs(new ArrayList<>(artifactGlobs.stream().map(String::strip).toList()));
    }

    /** The file's tags with the flags' pairs over them. */
    private Map<String, String> parsedTags(Map<String, String> fromFile) {
        Map<String, String> out = fromFile == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fromFile);
        for (String t : tags) {
            try {
                MlflowTags.parse(t, out);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--mlflow-tag: " + e.getMessage());
            }
        }
        return out;
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mlflow.trackingUri", "--mlflow-tracking-uri");
        m.put("mlflow.experiment", "--mlflow-experiment");
        m.put("mlflow.runName", "--mlflow-run-name");
        m.put("mlflow.tags.*", "--mlflow-tag");
        m.put("mlflow.parentRunId", "--mlflow-parent-run-id");
        m.put("mlflow.artifactGlobs[*]", "--mlflow-artifact-glob");
        return m;
    }
}
