package dev.redline.runner.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.MlflowSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * AIPerf's MLflow export, after a run's files (and plots) are written: one MLflow run in the experiment (created when
 * missing), nested under the parent run when one is given, with the run's metrics, parameters and tags in batches,
 * then its artifacts and {@code mlflow_export.json} (what was uploaded where). Like AIPerf, a failure is one warning
 * and never changes the run's exit code or its files; the whole upload ends by AIPERF_MLFLOW_EXPORT_TIMEOUT_SECONDS
 * (default 30).
 */
public final class MlflowUpload {
    static final String TIMEOUT_ENV = "AIPERF_MLFLOW_EXPORT_TIMEOUT_SECONDS";
    static final double DEFAULT_TIMEOUT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchmarkSpec spec;
    private final MlflowSpec mlflow;
    private final Map<String, String> env;
    private final Consumer<String> info;
    private final Consumer<String> warn;

    MlflowUpload(BenchmarkSpec spec, Map<String, String> env, Consumer<String> info, Consumer<String> warn) {
        this.spec = spec;
        this.mlflow = spec.getMlflow();
        this.env = env;
        this.info = info;
        this.warn = warn;
    }

    /** Uploads the run in {@code dir} (summary export {@code summaryJson}) when the spec asks for it; never throws. */
    public static void afterRun(BenchmarkSpec spec, Path dir, Path summaryJson, String version, Consumer<String> info, Consumer<String> warn) {
        if (spec.getMlflow() == null || !spec.getMlflow().enabled()) return;
        new MlflowUpload(spec, System.getenv(), info, warn).upload(dir, summaryJson, version);
    }

    void upload(Path dir, Path summaryJson, String version) {
        String uri = mlflow.getTrackingUri().strip();
        String where = UserInfo.redact(uri);
        try {
            JsonNode export = JSON.readTree(summaryJson.toFile());
            MlflowRunContent content = MlflowRunContent.of(export, spec, version);
            MlflowRestClient client = new MlflowRestClient(URI.create(uri), env, timeout());
            upload(client, content, dir, where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn.accept("MLflow upload to " + where + " was interrupted; the results are on disk in " + dir);
        } catch (Exception e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.net.ConnectException) why = "cannot connect (" + why + ")";
            warn.accept("MLflow upload to " + where + " failed: " + why.replaceAll("\\s*\\R\\s*", " ")
                    + "; the results are on disk in " + dir);
        }
    }

    private void upload(MlflowRestClient client, MlflowRunContent content, Path dir, String where) throws IOException, InterruptedException {
        String experiment = mlflow.resolvedExperiment();
        String experimentId = client.experimentId(experiment);
        String parent = parent(client);
        String runName = mlflow.getRunName() != null && !mlflow.getRunName().isBlank() ? mlflow.getRunName().strip() : defaultRunName(content);
        Map<String, String> system = new LinkedHashMap<>();
        system.put("mlflow.source.name", "redline");
        system.put("mlflow.source.type", "LOCAL");
        String user = env.getOrDefault("USER", System.getProperty("user.name"));
        if (user != null) system.put("mlflow.user", user);
        if (parent != null) system.put("mlflow.parentRunId", parent);
        MlflowRestClient.Run run = client.createRun(experimentId, runName, user, System.currentTimeMillis(), system);
        boolean finished = false;
        int uploaded = 0;
        try {
            client.logBatch(run.id(), content.metrics(), content.params(), content.tags(), System.currentTimeMillis());
            List<Path> files = MlflowArtifacts.collect(dir, mlflow.resolvedArtifactGlobs());
            List<String> names = new ArrayList<>(files.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).toList());
            names.add(MlflowArtifacts.METADATA_FILE);
            Path metadata = writeMetadata(dir, where, experiment, run.id(), runName, content, parent, names);
            files = new ArrayList<>(files);
            files.add(metadata);
            for (Path f : files) {
                client.uploadArtifact(run.artifactUri(), MlflowArtifacts.artifactPath(dir.relativize(f)), f);
                uploaded++;
            }
            finished = true;
        } finally {
            try {
                client.endRun(run.id(), finished, System.currentTimeMillis());
            } catch (IOException | RuntimeException e) {
                if (finished) throw e; // after a failure the first reason is the one to report
            }
        }
        info.accept("Uploaded MLflow run '" + runName + "' (" + run.id() + ") to " + where + " with " + content.metrics().size()
                + " metrics and " + uploaded + " artifacts");
    }

    /** The parent run id, or null; a parent that does not exist gives a root run and a warning, as in AIPerf. */
    private String parent(MlflowRestClient client) throws IOException, InterruptedException {
        String parent = mlflow.getParentRunId() == null || mlflow.getParentRunId().isBlank() ? null : mlflow.getParentRunId().strip();
        if (parent == null || client.runExists(parent)) return parent;
        warn.accept("MLflow parent run " + parent + " not found; creating a root MLflow run instead");
        return null;
    }

    private static String defaultRunName(MlflowRunContent content) {
        String id = content.benchmarkId() == null ? "" : content.benchmarkId().replace("-", "");
        return id.isEmpty() ? "redline-" + System.currentTimeMillis() / 1000 : "redline-" + id.substring(0, Math.min(8, id.length()));
    }

    private Duration timeout() {
        String v = env.get(TIMEOUT_ENV);
        if (v == null || v.isBlank()) return Duration.ofMillis((long) (DEFAULT_TIMEOUT_SECONDS * 1000));
        try {
            double s = Double.parseDouble(v.strip());
            if (s >= 1 && s <= 600) return Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            // reported below
        }
        warn.accept(TIMEOUT_ENV + "=" + v + " is not a number of seconds in [1, 600]; using " + (int) DEFAULT_TIMEOUT_SECONDS);
        return Duration.ofMillis((long) (DEFAULT_TIMEOUT_SECONDS * 1000));
    }

    /** mlflow_export.json (AIPerf's shape), written atomically before it is uploaded so both copies are the same bytes. */
    private static Path writeMetadata(Path dir, String where, String experiment, String runId, String runName, MlflowRunContent c,
                                      String parent, List<String> uploaded) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("tracking_uri", where);
        m.put("experiment", experiment);
        m.put("run_id", runId);
        m.put("run_name", runName);
        m.put("benchmark_id", c.benchmarkId());
        m.put("parent_run_id", parent);
        m.put("live_streaming", false);
        m.put("reused_live_run", false);
        m.set("metric_keys", JSON.valueToTree(new TreeSet<>(c.metrics().keySet())));
        m.set("param_keys", JSON.valueToTree(new TreeSet<>(c.params().keySet())));
        m.set("tag_keys", JSON.valueToTree(new TreeSet<>(c.tags().keySet())));
        m.set("uploaded_artifacts", JSON.valueToTree(uploaded));
        java.time.Instant now = java.time.Instant.now();
        m.put("exported_at_ns", now.getEpochSecond() * 1_000_000_000L + now.getNano());
        Path file = dir.resolve(MlflowArtifacts.METADATA_FILE);
        Path tmp = dir.resolve(MlflowArtifacts.METADATA_FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), m);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
