package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeTraceCommandTest {
    @TempDir Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new AnalyzeTraceCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printsTheTableAndWritesJson() throws Exception {
        Path json = tmp.resolve("analysis.json");
        int code = run(Fixtures.path("trace_small.jsonl").toString(), "--block-size", "4", "--window-seconds", "1", "-o", json.toString());
        assertEquals(0, code, err.toString());
        String console = out.toString();
        assertTrue(console.startsWith("Requests: 4   duration: 2.500 s   mean arrival rate: 1.600 req/s"), console);
        assertTrue(console.contains("block size 4): 29.17% of blocks per request, 40.00% of prompt tokens"), console);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, root.get("requests").asInt());
        assertEquals(0.4, root.get("token_cache_hit_rate").asDouble(), 1e-9);
        assertEquals(7.5, root.get("isl").get("mean").asDouble(), 1e-9);
        assertEquals(3, root.get("arrivals").size());
        assertEquals(2, root.get("arrivals").get(0).get("requests").asInt());
    }

    @Test
    void missingFileExitsTwo() {
        assertEquals(2, run(tmp.resolve("nope.jsonl").toString()));
        assertTrue(err.toString().startsWith("redline: trace file " + tmp.resolve("nope.jsonl") + " not found"), err.toString());
    }

    @Test
    void malformedLineExitsTwoWithFileAndLine() {
        Path bad = Fixtures.path("bad/malformed.jsonl");
        assertEquals(2, run(bad.toString()));
        assertTrue(err.toString().contains(bad + ":2: malformed JSON"), err.toString());
        assertEquals(1, err.toString().trim().lines().count());
    }

    @Test
    void badBlockSizeExitsTwo() {
        assertEquals(2, run(Fixtures.path("trace_small.jsonl").toString(), "--block-size", "0"));
        assertEquals("redline: --block-size must be at least 1, got 0", err.toString().trim());
    }
}
