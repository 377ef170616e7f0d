package dev.redline.runner.cli;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --cache-bust from the command line and from AIPerf's YAML (prompts.cache_bust) reaches the wire over the mock
 * server: every request's ISL is the prompt's plus its marker's tokens (the markers' text is asserted in CacheBustTest).
 */
class CacheBustProfileTest {
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");

    @TempDir
    Path dir;

    private static List<Integer> isls(Path artifacts) throws Exception {
        return ExportedRecords.metric(artifacts, "input_sequence_length");
    }

    @Test
    void theMarkerIsSentFromTheFlagAndFromAiperfsYaml() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0.1))) {
            Path flag = dir.resolve("flag");
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", TOKENIZER,
                    "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics", "--request-count", "20", "--isl", "30",
                    "--osl", "2", "--cache-bust", "FIRST_TURN_PREFIX", "--artifact-dir", flag.toString());
            assertEquals(0, r.code(), r.err());
            List<Integer> isl = isls(flag);
            assertEquals(20, isl.size());
            assertTrue(isl.stream().allMatch(n -> n > 30 + 5 && n < 30 + 25), "30 prompt tokens + a [rid:...] marker: " + isl);

            Path cfg = dir.resolve("bust.yaml");
            Files.writeString(cfg, """
                    schemaVersion: "2.0"
                    benchmark:
                      models: [mock-model]
                      endpoint: {url: "%s"}
                      tokenizer: {name: "%s"}
                      dataset: {type: synthetic, prompts: {isl: 30, osl: 2, cache_bust: {target: system_suffix}}}
                      phases: [{concurrency: 1, requests: 10}]
                    """.formatted(mock.baseUrl(), TOKENIZER));
            Path yaml = dir.resolve("yaml");
            CliRun y = CliRun.of(RedlineCli.commandLine(), "profile", "-f", cfg.toString(), "--ui-type", "none",
                    "--no-gpu-telemetry", "--no-server-metrics", "--artifact-dir", yaml.toString());
            assertEquals(0, y.code(), y.err());
            assertTrue(isls(yaml).stream().allMatch(n -> n > 35), "the YAML's marker is sent too: " + isls(yaml));

            Path none = dir.resolve("none");
            CliRun n = CliRun.of(RedlineCli.commandLine(), "profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", TOKENIZER,
                    "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics", "--request-count", "5", "--isl", "30",
                    "--osl", "2", "--cache-bust", "none", "--artifact-dir", none.toString());
            assertEquals(0, n.code(), n.err());
            assertTrue(isls(none).stream().allMatch(v -> v == 30), "none sends the bare prompt: " + isls(none));
        }
    }
}
