package dev.redline.runner.cli;

import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIPerf's --random-range-ratio end to end over the mock server: the sent prompts' ISLs fill the vllm window. */
class RandomRangeRatioProfileTest {
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");

    @TempDir
    Path dir;

    @Test
    void sentPromptLengthsFillTheWindowAroundIsl() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0.1))) {
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", TOKENIZER,
                    "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics", "--concurrency", "8", "--request-count", "200",
                    "--num-dataset-entries", "200", "--isl", "40", "--osl", "10", "--random-range-ratio", "0.5", "--random-seed", "4",
                    "--artifact-dir", dir.toString());
            assertEquals(0, r.code(), r.err());
            List<Integer> isl = ExportedRecords.metric(dir, "input_sequence_length");
            assertEquals(200, isl.size());
            int min = isl.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = isl.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(min >= 20 && max <= 60, "inside [floor(40 x 0.5), ceil(40 x 1.5)]: " + min + ".." + max);
            assertTrue(min <= 24 && max >= 56, "and spread across it: " + min + ".." + max);
        }
    }
}
