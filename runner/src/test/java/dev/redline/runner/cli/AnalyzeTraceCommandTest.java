package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeTraceCommandTest {
    @TempDir Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(new CommandLine(new AnalyzeTraceCommand()), args);
    }

    @Test
    void printsTheTableAndWritesJson() throws Exception {
        Path json = tmp.resolve("analysis.json");
        CliRun r = run(Fixtures.path("trace_small.jsonl").toString(), "--block-size", "4", "--window-seconds", "1", "-o", json.toString());
        assertEquals(0, r.code(), r.err());
        String console = r.out();
        assertTrue(console.startsWith("Requests: 4   duration: 2.500 s   mean arrival rate: 1.600 req/s"), console);
        assertTrue(console.contains("block size 4): 29.17% of blocks per request, 40.00% of prompt tokens"), console);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, root.get("requests").asInt());
        assertEquals(0.4, root.get("token_cache_hit_rate").asDouble(), 1e-9);
        assertEquals(7.5, root.get("isl").get("avg").asDouble(), 1e-9);
        assertEquals(3, root.get("arrivals").size());
        assertEquals(2, root.get("arrivals").get(0).get("requests").asInt());
    }

    /** The real command in its own JVM: what reaches the terminal is what main() flushed before exiting. */
    @Test
    void realCommandPrintsTheTableToStdoutWithoutOutputFile() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RedlineCli.class.getName(),
                "analyze-trace", Fixtures.path("trace_small.jsonl").toString(), "--block-size", "4", "--window-seconds", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "analyze-trace did not exit");
        assertEquals(0, p.exitValue());
        assertTrue(stdout.startsWith("Requests: 4   duration: 2.500 s   mean arrival rate: 1.600 req/s"), stdout);
        assertTrue(stdout.contains("40.00% of prompt tokens"), stdout);
    }

    @Test
    void missingFileExitsTwo() {
        CliRun r = run(tmp.resolve("nope.jsonl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("redline: trace file " + tmp.resolve("nope.jsonl") + " not found"), r.err());
    }

    @Test
    void malformedLineExitsTwoWithFileAndLine() {
        Path bad = Fixtures.path("bad/malformed.jsonl");
        CliRun r = run(bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":2: malformed JSON"), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }

    @Test
    void badBlockSizeExitsTwo() {
        CliRun r = run(Fixtures.path("trace_small.jsonl").toString(), "--block-size", "0");
        assertEquals(2, r.code());
        assertEquals("redline: --block-size must be at least 1, got 0", r.err().trim());
    }
}
