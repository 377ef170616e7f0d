package dev.redline.runner.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload over a real AIPerf 0.13 export (a test resource), to the loopback MLflow server: MLflow's credential
 * variables reach every request, plots and pages land under plots/, the timeout variable is checked.
 */
class MlflowUploadTest {
    private static final String AIPERF_EXPORT = "/plot/aiperf/sweep/concurrency_1/profile_export_aiperf.json";

    @TempDir Path dir;

    private Path stage() throws Exception {
        Path summary = dir.resolve("profile_export_aiperf.json");
        try (InputStream in = getClass().getResourceAsStream(AIPERF_EXPORT)) {
            Files.write(summary, in.readAllBytes());
        }
        Files.createDirectories(dir.resolve("plots/multi"));
        Files.writeString(dir.resolve("plots/ttft.png"), "png");
        Files.writeString(dir.resolve("plots/multi/pareto.svg"), "svg");
        Files.writeString(dir.resolve("dashboard.html"), "<html>");
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/redline.log"), "log");
        return summary;
    }

    private static BenchmarkSpec spec(String uri) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setModels(List.of("m"));
        spec.endpoint().setUrl("http://user:secret@vllm:8000");
        spec.mlflow().setTrackingUri(uri);
        return spec;
    }

    @Test
    void tokenAndBasicCredentialsAndThePlotLayout() throws Exception {
        Path summary = stage();
        List<String> warnings = new ArrayList<>();
        try (MlflowTestServer server = MlflowTestServer.start()) {
            new MlflowUpload(spec(server.uri()), Map.of("MLFLOW_TRACKING_TOKEN", "t0ken"), s -> { }, warnings::add).upload(dir, summary, "x");
            assertEquals(List.of(), warnings);
            assertTrue(server.requests().stream().allMatch(r -> "Bearer t0ken".equals(r.authorization())), server.requests().toString());

            MlflowTestServer.StoredRun run = server.runs().get(0);
            assertTrue(run.artifacts.keySet().containsAll(Set.of("plots/ttft.png", "plots/multi/pareto.svg", "plots/dashboard.html",
                    "exports/profile_export_aiperf.json", "exports/mlflow_export.json")), run.artifacts.keySet().toString());
            assertTrue(run.artifacts.keySet().stream().noneMatch(a -> a.contains("redline.log")));
            assertEquals("http://<redacted>@vllm:8000", run.params.get("endpoint.urls"), "no credentials in MLflow");
            JsonNode export = new ObjectMapper().readTree(summary.toFile());
            assertEquals(export.path("time_to_first_token").path("p90").asDouble(), run.metrics.get("time_to_first_token.p90"), 0.0);
            assertEquals(export.path("request_count").path("avg").asDouble() + export.path("error_request_count").path("avg").asDouble(),
                    run.metrics.get("aiperf.completed_requests"), 0.0, "successes and errors, AIPerf's completed");

            int before = server.requests().size();
            new MlflowUpload(spec(server.uri()), Map.of("MLFLOW_TRACKING_USERNAME", "ann", "MLFLOW_TRACKING_PASSWORD", "pw"), s -> { },
                    warnings::add).upload(dir, summary, "x");
            String basic = "Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(), warnings);
            List<MlflowTestServer.Request> second = server.requests().subList(before, server.requests().size());
            assertTrue(second.size() > 4 && second.stream().allMatch(r -> basic.equals(r.authorization())), second.toString());
        }
    }

    @Test
    void aTimeoutThatIsNotSecondsWarnsAndTheDefaultApplies() throws Exception {
        Path summary = stage();
        List<String> warnings = new ArrayList<>();
        try (MlflowTestServer server = MlflowTestServer.start()) {
            new MlflowUpload(spec(server.uri()), Map.of(MlflowUpload.TIMEOUT_ENV, "soon"), s -> { }, warnings::add).upload(dir, summary, "x");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("AIPERF_MLFLOW_EXPORT_TIMEOUT_SECONDS=soon is not a number of seconds in [1, 600]"));
            assertEquals("FINISHED", server.runs().get(0).status);
        }
    }
}
