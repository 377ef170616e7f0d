package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mlflow.MlflowTestServer;
import dev.redline.runner.mlflow.MlflowTestServer.StoredRun;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's --mlflow-* flags and mlflow: section, driven by real profile runs against the mock server, uploading to a
 * loopback server that speaks MLflow's REST API: what MLflow holds is read back and compared with the files on disk.
 */
class MlflowProfileTest {
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private MockServer mock;
    private MlflowTestServer mlflow;

    @BeforeEach
    void start() throws Exception {
        mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0.1));
        mlflow = MlflowTestServer.start();
    }

    @AfterEach
    void stop() {
        mlflow.close();
        mock.close();
    }

    private CliRun profile(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", TOKENIZER,
                "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics", "--request-count", "5", "--concurrency", "1",
                "--isl", "20", "--osl", "2", "--artifact-dir", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(RedlineCli.commandLine(), args.toArray(String[]::new));
    }

    @Test
    void aRunIsUploadedWithTheFilesNumbersTagsAndArtifacts() throws Exception {
        Path out = dir.resolve("one");
        CliRun r = profile(out, "--mlflow-tracking-uri", mlflow.uri(), "--mlflow-experiment", "perf", "--mlflow-run-name", "nightly",
                "--mlflow-tag", "team:perf", "--mlflow-tag", "{\"gpu\": \"h100\"}", "url:http://x:1");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("perf"), mlflow.createdExperiments(), "the missing experiment is created");
        assertEquals(1, mlflow.runs().size());
        StoredRun run = mlflow.runs().get(0);
        assertEquals("nightly", run.name);
        assertEquals("FINISHED", run.status);
        assertNotNull(run.endTime);

        JsonNode export = JSON.readTree(out.resolve("profile_export_redline.json").toFile());
        assertEquals("perf", run.tags.get("team"));
        assertEquals("h100", run.tags.get("gpu"));
        assertEquals("http://x:1", run.tags.get("url"), "a value is split at the first colon only");
        assertEquals(export.get("benchmark_id").asText(), run.tags.get("benchmark_id"));
        assertEquals("false", run.tags.get("aiperf.was_cancelled"));
        assertNotNull(run.tags.get("redline.version"));

        int compared = 0;
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) export.properties()::iterator) {
            if (!e.getValue().isObject() || !e.getValue().has("unit")) continue;
            for (String stat : List.of("avg", "p50", "p99", "min", "max", "std", "count", "sum")) {
                JsonNode v = e.getValue().get(stat);
                if (v == null) continue;
                String key = stat.equals("avg") ? e.getKey() : e.getKey() + "." + stat;
                assertEquals(v.asDouble(), run.metrics.get(key), 0.0, key + " is the file's value");
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared + " statistics");
        assertEquals(export.path("request_count").path("avg").asDouble(), run.metrics.get("aiperf.completed_requests"), 0.0);
        assertEquals(5.0, run.metrics.get("aiperf.total_expected_requests"), 0.0);

        assertEquals("chat", run.params.get("endpoint.type"));
        assertEquals("mock-model", run.params.get("endpoint.models"));
        assertEquals(mock.baseUrl(), run.params.get("endpoint.urls"));
        assertEquals("concurrency", run.params.get("timing.mode"));
        assertEquals("1", run.params.get("loadgen.concurrency"));
        assertEquals("5", run.params.get("loadgen.request_count"));
        assertTrue(run.params.get("aiperf.cli_command").contains("--mlflow-run-name nightly"), run.params.get("aiperf.cli_command"));

        JsonNode meta = JSON.readTree(out.resolve("mlflow_export.json").toFile());
        assertEquals(run.id, meta.get("run_id").asText());
        assertEquals("nightly", meta.get("run_name").asText());
        Set<String> uploaded = new HashSet<>();
        meta.get("uploaded_artifacts").forEach(a -> uploaded.add("exports/" + a.asText()));
        assertEquals(uploaded, run.artifacts.keySet(), "the metadata lists what was uploaded");
        assertTrue(uploaded.containsAll(Set.of("exports/profile_export_redline.json", "exports/profile_export_redline.csv",
                "exports/profile_export.jsonl", "exports/inputs.json", "exports/mlflow_export.json")), uploaded.toString());
        assertFalse(uploaded.stream().anyMatch(a -> a.endsWith(".log")), "logs are not in AIPerf's globs");
        for (String a : uploaded) {
            assertArrayEquals(Files.readAllBytes(out.resolve(a.substring("exports/".length()))), run.artifacts.get(a), a + " uploaded as on disk");
        }

        Path again = dir.resolve("again");
        assertEquals(0, profile(again, "--mlflow-tracking-uri", mlflow.uri(), "--mlflow-experiment", "perf").code());
        assertEquals(List.of("perf"), mlflow.createdExperiments(), "an existing experiment is reused");
        StoredRun second = mlflow.runs().stream().filter(x -> !x.id.equals(run.id)).findFirst().orElseThrow();
        String id = JSON.readTree(again.resolve("profile_export_redline.json").toFile()).get("benchmark_id").asText().replace("-", "");
        assertEquals("redline-" + id.substring(0, 8), second.name, "the default run name");
    }

    @Test
    void aiperfsYamlSectionAndArtifactGlobs() throws Exception {
        Path cfg = dir.resolve("mlflow.yaml");
        Files.writeString(cfg, """
                schemaVersion: "2.0"
                benchmark:
                  models: [mock-model]
                  endpoint: {url: "%s"}
                  tokenizer: {name: "%s"}
                  dataset: {type: synthetic, prompts: {isl: 20, osl: 2}}
                  phases: [{concurrency: 1, requests: 4}]
                  mlflow:
                    tracking_uri: "%s"
                    run_name: from-yaml
                    tags: "team:perf,env:ci"
                    artifact_globs: ["*.csv"]
                """.formatted(mock.baseUrl(), TOKENIZER, mlflow.uri()));
        Path out = dir.resolve("yaml");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-f", cfg.toString(), "--ui-type", "none", "--no-gpu-telemetry",
                "--no-server-metrics", "--artifact-dir", out.toString(), "--mlflow-tag", "env:override");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("aiperf"), mlflow.createdExperiments(), "AIPerf's default experiment");
        StoredRun run = mlflow.runs().get(0);
        assertEquals("from-yaml", run.name);
        assertEquals("perf", run.tags.get("team"));
        assertEquals("override", run.tags.get("env"), "the flag's tag overrides the file's");
        assertEquals(Set.of("exports/profile_export_redline.csv", "exports/mlflow_export.json"), run.artifacts.keySet());
    }

    @Test
    void aSweepUploadsOneRunPerCellNestedUnderTheParent() throws Exception {
        String parent = mlflow.createRunDirectly("sweeps", "parent");
        Path out = dir.resolve("sweep");
        List<String> args = new ArrayList<>(List.of("profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", TOKENIZER,
                "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics", "--request-count", "4", "--concurrency", "1,2",
                "--isl", "20", "--osl", "2", "--artifact-dir", out.toString(), "--mlflow-tracking-uri", mlflow.uri(),
                "--mlflow-experiment", "sweeps", "--mlflow-parent-run-id", parent));
        CliRun r = CliRun.of(RedlineCli.commandLine(), args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<StoredRun> cells = mlflow.runs().stream().filter(x -> !x.id.equals(parent)).toList();
        assertEquals(2, cells.size(), "one MLflow run per cell");
        java.util.Map<String, Path> cellByBenchmark = new java.util.HashMap<>();
        for (String name : List.of("concurrency_1", "concurrency_2")) {
            Path cell = out.resolve(name);
            cellByBenchmark.put(JSON.readTree(cell.resolve("profile_export_redline.json").toFile()).get("benchmark_id").asText(), cell);
        }
        Set<String> labels = new HashSet<>();
        for (StoredRun c : cells) {
            assertEquals(parent, c.tags.get("mlflow.parentRunId"), "nested under the given parent");
            assertEquals(mlflow.experimentId("sweeps"), c.experimentId);
            labels.add(c.tags.get("redline.variation_label"));
            Path cell = cellByBenchmark.get(c.tags.get("benchmark_id"));
            assertNotNull(cell, "each run is one cell's: " + c.tags);
            JsonNode export = JSON.readTree(cell.resolve("profile_export_redline.json").toFile());
            assertEquals(export.path("run_info").path("variation_label").asText(), c.tags.get("redline.variation_label"));
            assertEquals(export.path("request_latency").path("p99").asDouble(), c.metrics.get("request_latency.p99"), 0.0);
            assertEquals(c.params.get("loadgen.concurrency"), String.valueOf(export.path("input_config").path("phases").get(0).path("concurrency").asInt()));
            assertTrue(Files.isRegularFile(cell.resolve("mlflow_export.json")));
        }
        assertEquals(2, labels.size(), "the cells' labels tell them apart: " + labels);
        assertEquals(List.of(), mlflow.createdExperiments(), "the parent's experiment existed");
    }

    @Test
    void aMultiRunUploadsEveryTrialWithItsTrialTag() throws Exception {
        Path out = dir.resolve("trials");
        CliRun r = profile(out, "--num-profile-runs", "2", "--mlflow-tracking-uri", mlflow.uri(), "--mlflow-experiment", "trials");
        assertEquals(0, r.code(), r.err());
        List<StoredRun> runs = mlflow.runs();
        assertEquals(2, runs.size(), "one MLflow run per trial");
        assertEquals(Set.of("0", "1"), new HashSet<>(runs.stream().map(x -> x.tags.get("redline.trial")).toList()));
        assertEquals(1, new HashSet<>(runs.stream().map(x -> x.tags.get("redline.sweep_id")).toList()).size(), "one experiment");
        assertNotEquals(runs.get(0).tags.get("benchmark_id"), runs.get(1).tags.get("benchmark_id"));
        assertTrue(runs.stream().allMatch(x -> x.status.equals("FINISHED") && x.artifacts.containsKey("exports/mlflow_export.json")));
    }

    @Test
    void aMissingParentGivesARootRunAndOneWarning() throws Exception {
        Path out = dir.resolve("orphan");
        assertEquals(0, profile(out, "--mlflow-tracking-uri", mlflow.uri(), "--mlflow-parent-run-id", "0123456789abcdef").code());
        StoredRun run = mlflow.runs().get(0);
        assertNull(run.tags.get("mlflow.parentRunId"));
        assertEquals(1, warnings(out, "parent run 0123456789abcdef not found"));
    }

    @Test
    void anUnreachableServerLeavesTheResultsAndWarnsOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("down");
        CliRun r = profile(out, "--mlflow-tracking-uri", "http://127.0.0.1:" + port);
        assertEquals(0, r.code(), "AIPerf warns and keeps the run's exit code: " + r.err());
        assertTrue(Files.isRegularFile(out.resolve("profile_export_redline.json")));
        assertTrue(Files.isRegularFile(out.resolve("profile_export.jsonl")));
        assertFalse(Files.exists(out.resolve("mlflow_export.json")), "no run, no metadata");
        assertEquals(1, warnings(out, "MLflow upload to http://127.0.0.1:" + port + " failed"));
    }

    @Test
    void aServerErrorMidwayFailsTheRunInMlflowAndWarnsOnce() throws Exception {
        mlflow.failing(p -> p.startsWith("/api/2.0/mlflow-artifacts/"));
        Path out = dir.resolve("half");
        assertEquals(0, profile(out, "--mlflow-tracking-uri", mlflow.uri()).code());
        StoredRun run = mlflow.runs().get(0);
        assertEquals("FAILED", run.status, "the run is ended, as failed");
        assertFalse(run.metrics.isEmpty(), "the metrics were logged before the artifacts failed");
        assertEquals(1, warnings(out, "HTTP 500 INTERNAL_ERROR"));
    }

    @Test
    void artifactsOutsideTheProxyAreRefusedWithTheFix() throws Exception {
        mlflow.artifactRoot("s3://bucket/mlflow");
        Path out = dir.resolve("s3");
        assertEquals(0, profile(out, "--mlflow-tracking-uri", mlflow.uri()).code());
        assertEquals(1, warnings(out, "--serve-artifacts"));
        assertFalse(mlflow.runs().get(0).metrics.isEmpty());
    }

    @Test
    void badInputIsOneLineNamingTheFlag() {
        assertBadInput("--mlflow-tag: 'team=perf' is not key:value", "--mlflow-tracking-uri", "http://h:5000", "--mlflow-tag", "team=perf");
        assertBadInput("--mlflow-tag: '{nope' is not a valid JSON object", "--mlflow-tracking-uri", "http://h:5000", "--mlflow-tag", "{nope");
        assertBadInput("--mlflow-tracking-uri (mlflow.trackingUri): 'file:./mlruns' is a local file: store",
                "--mlflow-tracking-uri", "file:./mlruns");
        assertBadInput("mlflow server --backend-store-uri file:mlruns", "--mlflow-tracking-uri", "mlruns");
        assertBadInput("--mlflow-tracking-uri (mlflow.trackingUri): 'http://bad host' is not a URI", "--mlflow-tracking-uri", "http://bad host");
        assertBadInput("need a tracking server; set it (CLI: --mlflow-tracking-uri", "--mlflow-experiment", "perf");
        assertBadInput("--mlflow-experiment (mlflow.experiment): is empty", "--mlflow-tracking-uri", "http://h:5000", "--mlflow-experiment", " ");
        assertBadInput("--mlflow-artifact-glob (mlflow.artifactGlobs[0]): '[a' is not a valid glob",
                "--mlflow-tracking-uri", "http://h:5000", "--mlflow-artifact-glob", "[a");
        assertBadInput("'../x' must stay inside the artifact directory", "--mlflow-tracking-uri", "http://h:5000", "--mlflow-artifact-glob", "../x");
        assertBadInput("tag key 'a*b' is not one MLflow accepts", "--mlflow-tracking-uri", "http://h:5000", "--mlflow-tag", "a*b:1");
    }

    private void assertBadInput(String fragment, String... flags) {
        List<String> args = new ArrayList<>(List.of("profile", "-m", "m"));
        args.addAll(List.of(flags));
        CliRun r = CliRun.of(RedlineCli.commandLine(), args.toArray(String[]::new));
        String err = r.err().trim();
        assertEquals(2, r.code(), String.join(" ", flags) + ": " + err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.contains(fragment), "expected '" + fragment + "' in: " + err);
        assertNotEquals(-1, err.indexOf("mlflow"), err);
    }

    /** WARN lines of the run's log that contain {@code text}. */
    private static long warnings(Path out, String text) throws Exception {
        try (Stream<String> lines = Files.lines(out.resolve("logs/redline.log"))) {
            return lines.filter(l -> l.contains("WARN") && l.contains(text)).count();
        }
    }
}
