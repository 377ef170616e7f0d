package dev.redline.runner.cli;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --dataset-filter} (and YAML {@code dataset.filters}) as AIPerf 0.13 treats it: key=value, each key once,
 * only with a public dataset, and refused by a public dataset that declares no filters (sharegpt, instruct_coder) —
 * one line, exit 2, before any request reaches the server.
 */
class DatasetFilterTest {
    @TempDir Path dir;

    private void assertRefusedBeforeAnyRequest(String fragment, String... args) throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0))) {
            String[] full = new String[args.length + 8];
            System.arraycopy(args, 0, full, 0, args.length);
            System.arraycopy(new String[] {"-u", mock.baseUrl(), "--tokenizer", "builtin", "--ui-type", "none",
                    "--artifact-dir", dir.resolve("art").toString()}, 0, full, args.length, 8);
            CliRun r = CliRun.of(RedlineCli.commandLine(), full);
            String err = r.err().trim();
            assertEquals(2, r.code(), err);
            assertFalse(err.contains("\n"), "one line: " + err);
            assertFalse(err.contains("Exception"), "no stack trace: " + err);
            assertTrue(err.contains(fragment), "expected '" + fragment + "' in: " + err);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.lines().anyMatch(l -> l.equals("vllm:request_success_total{model_name=\"mock-model\"} 0.0")),
                    "no inference request was sent: " + metrics.lines().filter(l -> l.contains("request_success")).toList());
        }
    }

    @Test
    void filterWithoutKeyValueOrWithARepeatedKey() throws Exception {
        assertRefusedBeforeAnyRequest("--dataset-filter 'harness': expected a non-empty key=value",
                "profile", "-m", "mock-model", "--public-dataset", "sharegpt", "--dataset-filter", "harness");
        assertRefusedBeforeAnyRequest("--dataset-filter ' =x': expected a non-empty key=value",
                "profile", "-m", "mock-model", "--public-dataset", "sharegpt", "--dataset-filter", " =x");
        assertRefusedBeforeAnyRequest("--dataset-filter: key 'harness' is given twice",
                "profile", "-m", "mock-model", "--public-dataset", "sharegpt", "--dataset-filter", "harness=a", "harness = b");
    }

    @Test
    void filterNeedsAPublicDataset() throws Exception {
        assertRefusedBeforeAnyRequest("dataset filters need a public dataset; set publicDataset (CLI: --public-dataset)",
                "profile", "-m", "mock-model", "--dataset-filter", "harness=claude_code");
    }

    @Test
    void sharegptAndInstructCoderDeclareNoFilters() throws Exception {
        Path file = Files.writeString(dir.resolve("sharegpt.json"), "[]");
        assertRefusedBeforeAnyRequest("public dataset 'sharegpt' does not support --dataset-filter",
                "profile", "-m", "mock-model", "--public-dataset", "sharegpt", "--public-dataset-path", file.toString(),
                "--dataset-filter", "harness=claude_code", "source_model=gpt-4.1");
        assertRefusedBeforeAnyRequest("public dataset 'instruct_coder' does not support --dataset-filter",
                "profile", "-m", "mock-model", "--public-dataset", "instruct_coder", "--dataset-filter", "benchmark=swebench");
    }

    @Test
    void yamlFiltersAreTheSameField() throws Exception {
        Path f = Files.writeString(dir.resolve("filters.yaml"), """
                models: [mock-model]
                dataset:
                  publicDataset: sharegpt
                  filters: {harness: claude_code}
                phases: [{concurrency: 1, requests: 2}]
                """);
        assertRefusedBeforeAnyRequest("dataset.filters: public dataset 'sharegpt' does not support --dataset-filter",
                "profile", "-f", f.toString());
    }
}
