package dev.redline.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.ProgressStatus;
import dev.redline.compare.RequestSamples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data of a Benchmark's results ConfigMap: what the coordinator runner writes and the operator
 * reads. The operator creates the ConfigMap empty; the runner adds the keys below. Both sides use this
 * class, so a key or a shape cannot drift between them.
 */
public final class ResultsConfigMap {
    /** The run summary: a {@link ProfileExport} (the same JSON as {@code profile_export_redline.json}). */
    public static final String SUMMARY_JSON = "summary.json";
    /** The summary as AIPerf's CSV ({@code profile_export_redline.csv}). */
    public static final String SUMMARY_CSV = "summary.csv";
    /** One line: why the run failed, written next to whatever partial summary exists. */
    public static final String ERROR = "error";
    /** {@code {"objectStore": ["s3://bucket/key", ...]}}: where the full artifacts were uploaded. */
    public static final String ARTIFACTS_JSON = "artifacts.json";
    /** Live progress ({@link ProgressStatus}), refreshed by the coordinator while it runs. */
    public static final String PROGRESS_JSON = "progress.json";
    /**
     * Per-request values of the gateable metrics ({@link RequestSamples}, at most {@link RequestSamples#LIMIT}
     * per metric), written when a run finished: what a regression gate compares.
     */
    public static final String SAMPLES_JSON = RequestSamples.FILE;
    /**
     * Annotation on the results ConfigMap: the run (status.run) its data belongs to. The operator sets it when a
     * run starts (and clears the data of an earlier run); a runner of another run never writes there.
     */
    public static final String RUN_ANNOTATION = "redline.dev/run";
    /** What the runner puts into the ConfigMap at most: a ConfigMap holds 1 MiB; the rest is metadata headroom. */
    public static final long MAX_BYTES = 900_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What a results ConfigMap holds. {@code summary} is null when absent or unreadable; then
     * {@code summaryProblem} says why in one line.
     */
    public record Contents(ProfileExport summary, String summaryProblem, boolean summaryUnreadable, String runnerError,
                           List<String> objectStoreUris, ProgressStatus progress, String progressProblem) { }

    private ResultsConfigMap() { }

    /** Reads {@code data} of ConfigMap {@code name} (null data: the ConfigMap does not exist). */
    public static Contents read(String name, Map<String, String> data) {
        if (data == null) return new Contents(null, "the results ConfigMap " + name + " does not exist", false, null, List.of(), null, null);
        String source = SUMMARY_JSON + " in ConfigMap " + name;
        ProfileExport summary = null;
        String problem = null;
        boolean unreadable = false;
        String text = data.get(SUMMARY_JSON);
        if (text == null || text.isBlank()) {
            problem = "ConfigMap " + name + " has no " + SUMMARY_JSON;
        } else {
            try {
                summary = ProfileExport.parse(text, source);
            } catch (ExportFormatException e) {
                problem = e.getMessage();
                unreadable = true;
            }
        }
        String error = data.get(ERROR);
        ProgressStatus progress = null;
        String progressProblem = null;
        String progressText = data.get(PROGRESS_JSON);
        if (progressText != null && !progressText.isBlank()) {
            try {
                progress = STRICT.readValue(progressText, ProgressStatus.class);
            } catch (JsonProcessingException e) {
                progressProblem = PROGRESS_JSON + " in ConfigMap " + name + " is unreadable: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
            }
        }
        return new Contents(summary, problem, unreadable, error == null || error.isBlank() ? null : error.trim(),
                objectStoreUris(data.get(ARTIFACTS_JSON)), progress, progressProblem);
    }

    /**
     * The {@link #SAMPLES_JSON} of ConfigMap {@code name}'s {@code data}, or null when it has none;
     * ExportFormatException (one line naming the ConfigMap) when it is unreadable.
     */
    public static RequestSamples samples(String name, Map<String, String> data) {
        String text = data == null ? null : data.get(SAMPLES_JSON);
        if (text == null || text.isBlank()) return null;
        return RequestSamples.parse(text, SAMPLES_JSON + " in ConfigMap " + name);
    }

    /** The value of {@link #ARTIFACTS_JSON} for these uploaded objects. */
    public static String artifactsJson(List<String> uris) {
        ObjectNode node = JSON.createObjectNode();
        uris.forEach(node.putArray("objectStore")::add);
        return node.toPrettyString();
    }

    /** The value of {@link #PROGRESS_JSON}. */
    public static String progressJson(ProgressStatus progress) {
        try {
            return JSON.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> objectStoreUris(String text) {
        if (text == null || text.isBlank()) return List.of();
        try {
            JsonNode list = JSON.readTree(text).path("objectStore");
            List<String> uris = new ArrayList<>();
            list.forEach(u -> uris.add(u.asText()));
            return uris;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
