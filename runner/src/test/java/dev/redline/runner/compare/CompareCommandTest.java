package dev.redline.runner.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redline compare} over real runs: Redline runs against the mock server with a known TTFT, and
 * AIPerf 0.13's own {@code profile_export.jsonl} (resources aiperf-0.13/compare, see its README).
 */
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AIPERF = Path.of("src/test/resources/aiperf-0.13/compare");

    @TempDir Path dir;

    record Run(int code, String out, String err) { }

    static Run redline(String... args) {
        CommandLine cl = RedlineCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    /** One run of 80 requests (after 40 of warmup) against a mock answering after {@code ttftMs}; returns its directory. */
    private Path profile(String name, int ttftMs, boolean streaming) {
        Path out = dir.resolve(name);
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(ttftMs).itlMs(2))) {
            Run r = redline("profile", "-m", "mock-model", "-u", mock.baseUrl(), streaming ? "--streaming" : "--endpoint-type=chat",
                    "--tokenizer", "builtin", "--concurrency", "4", "--warmup-request-count", "40", "--num-requests", "80", "--isl", "32", "--osl", "8",
                    "--random-seed", "3", "--ui-type", "none", "--artifact-dir", out.toString());
            assertEquals(0, r.code(), r.err());
        }
        return out;
    }

    @Test
    void threeTimesTheTtftRegressesAndTheSameServerDoesNot() throws Exception {
        Path fast = profile("ttft20", 20, true);
        Path slow = profile("ttft60", 60, true);
        Path again = profile("ttft20-again", 20, true);

        Path report = dir.resolve("report.json");
        Run regressed = redline("compare", fast.toString(), slow.toString(), "--metric", "time_to_first_token:p50",
                "--metric", "request_latency:avg", "--tolerance", "10%", "--fail-on-regression", "-o", report.toString());
        assertEquals(CompareCommand.REGRESSED, regressed.code(), regressed.out() + regressed.err());
        assertTrue(regressed.out().contains("REGRESSED: 2 of 2 figures regressed"), regressed.out());
        JsonNode json = JSON.readTree(report.toFile());
        assertEquals("Regressed", json.path("outcome").asText());
        JsonNode ttft = json.path("metrics").get(0);
        assertEquals("time_to_first_token", ttft.path("metric").asText());
        // ground truth 20 -> 60 ms: the measured p50s carry the client's overhead (large on a busy machine) on both sides
        assertTrue(ttft.path("baseline").asDouble() >= 20 && ttft.path("current").asDouble() >= 60, ttft.toString());
        assertTrue(ttft.path("changePercent").asDouble() > 30 && ttft.path("ciLowPercent").asDouble() > 10, ttft.toString());
        assertEquals(80, ttft.path("baselineSamples").asInt());

        Run same = redline("compare", fast.toString(), again.toString(), "--metric", "time_to_first_token:p50",
                "--tolerance", "100", "--fail-on-regression");
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().startsWith("OK: no regression in 1 figures") || same.out().contains("\nOK: no regression in 1 figures"), same.out());

        Run self = redline("compare", fast.toString(), fast.toString(), "--fail-on-regression", "-o", report.toString());
        assertEquals(0, self.code(), self.out() + self.err());
        for (JsonNode m : JSON.readTree(report.toFile()).path("metrics")) {
            assertEquals(0.0, m.path("changePercent").asDouble(), m.toString());
        }
    }

    @Test
    void aiperfRunsCompareTheSameWay() {
        Run r = redline("compare", AIPERF.resolve("ttft20").toString(), AIPERF.resolve("ttft40").toString(),
                "--metric", "time_to_first_token:p50", "--fail-on-regression");
        assertEquals(CompareCommand.REGRESSED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("│ time_to_first_token │ p50  │"), r.out());
        Run reverse = redline("compare", AIPERF.resolve("ttft40").toString(),
                AIPERF.resolve("ttft20/profile_export.jsonl").toString(), "--metric", "time_to_first_token:p50", "--fail-on-regression");
        assertEquals(0, reverse.code(), reverse.out() + reverse.err());
        assertTrue(reverse.out().contains("Improved"), reverse.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String base = AIPERF.resolve("ttft20").toString();
        String now = AIPERF.resolve("ttft40").toString();
        assertBad(redline("compare", base, dir.resolve("missing").toString()), "NEW: ", "does not exist");
        assertBad(redline("compare", base, dir.toString()), "NEW: ", "has neither profile_export.jsonl nor samples.json");
        assertBad(redline("compare", base, now, "--metric", "request_throughput"), "--metric: unknown per-request metric 'request_throughput'", "use one of");
        assertBad(redline("compare", base, now, "--metric", "time_to_first_token:p200"), "--metric: unknown statistic 'p200'", "");
        assertBad(redline("compare", base, now, "--tolerance", "NaN"), "--tolerance: 'NaN' is not a percentage", "");
        assertBad(redline("compare", base, now, "--alpha", "0.7"), "--alpha: alpha 0.7 must be between 0 and 0.5", "");
        assertBad(redline("compare", base), "Missing required parameter", "");
    }

    @Test
    void aMetricOnlyOneRunHasCannotBeGated() {
        Path streaming = AIPERF.resolve("ttft20");
        Path plain = profile("plain", 5, false);
        Run r = redline("compare", streaming.toString(), plain.toString(), "--metric", "time_to_first_token:p50", "--fail-on-regression");
        assertBad(r, "the runs cannot be compared: cannot compare time_to_first_token p50: Missing (this run has no per-request", "");
    }

    private static void assertBad(Run r, String start, String contains) {
        assertEquals(2, r.code(), r.out() + r.err());
        // warnings (a client-bound run on a busy machine) may come first; the error is the one last line
        String line = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(line.startsWith("redline: ") || line.contains("Missing required parameter"), r.err());
        assertTrue(line.contains(start) && line.contains(contains), line);
    }
}
