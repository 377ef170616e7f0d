package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's --failed-request-threshold against the mock failing 30 % of requests: above the threshold the profiling
 * phase stops early, its results so far are written and the run exits 1 with one line saying why; below it, the
 * run goes to the end.
 */
class FailedRequestThresholdTest {
    @TempDir
    Path dir;

    private record Run(int code, String err, JsonNode summary) { }

    private Run profile(MockServer mock, String threshold, String out) throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = CliRun.of(RedlineCli.commandLine(), "profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", "builtin",
                    "--ui-type", "none", "--concurrency", "4", "--request-count", "3000", "--isl", "8", "--osl", "4",
                    "--no-gpu-telemetry", "--no-server-metrics", "--failed-request-threshold", threshold,
                    "--artifact-dir", dir.resolve(out).toString()).code();
        } finally {
            System.setErr(stderr);
        }
        Path summary = dir.resolve(out).resolve("profile_export_redline.json");
        assertTrue(Files.isRegularFile(summary), "the summary is written either way");
        return new Run(code, err.toString(StandardCharsets.UTF_8), new ObjectMapper().readTree(summary.toFile()));
    }

    private static double requests(JsonNode summary) {
        return summary.path("request_count").path("avg").asDouble();
    }

    @Test
    void aboveTheThresholdTheRunStopsEarlyKeepsItsResultsAndExits1() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0.1).errorRate(0.3).randomSeed(3))) {
            Run stopped = profile(mock, "0.1", "stopped");
            assertEquals(ProfileRun.ABORTED_EXIT, stopped.code(), stopped.err());
            String line = stopped.err().lines().filter(l -> l.contains("--failed-request-threshold")).findFirst().orElse("");
            assertTrue(line.contains("phase profiling stopped: ") && line.contains("above --failed-request-threshold 0.1")
                    && line.contains("the results so far are written"), stopped.err());
            double done = requests(stopped.summary()) + stopped.summary().path("error_request_count").path("avg").asDouble();
            assertTrue(done >= 10 && done < 3000, "stopped after the grace floor, before the end: " + done);

            Run full = profile(mock, "0.9", "full");
            assertEquals(0, full.code(), full.err());
            double all = requests(full.summary()) + full.summary().path("error_request_count").path("avg").asDouble();
            assertEquals(3000, all, 0.0, "a threshold the failures stay under changes nothing");
        }
    }
}
