package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.ProfileExport;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.mock.engine.EngineConfig;
import dev.redline.runner.mock.engine.EngineOracle;
import dev.redline.runner.mock.engine.SteadyState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A concurrency sweep of the real CLI against the simulated engine, whose answer is known: TTFT and ITL
 * rise with concurrency, throughput saturates at the engine's closed-form steady state, and the sweep's
 * Pareto set is exactly the non-dominated cells.
 */
class SweepAgainstSimulatedEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CONCURRENCY = {1, 2, 4, 8, 16, 32, 64};
    private static final int MAX_NUM_SEQS = 16;
    private static final int ISL = 64;
    private static final int OSL = 32;

    @TempDir Path dir;

    record Cell(int concurrency, double ttftP50, double itlP50, double outputThroughput, double requestThroughput,
                double ttftP99) { }

    @Test
    void latencyRisesAndThroughputSaturatesAtTheEnginesFormula() throws Exception {
        StringBuilder requests = new StringBuilder();
        for (int c : CONCURRENCY) requests.append(requests.length() == 0 ? "" : ",").append(Math.max(24, 8 * c));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = RedlineCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("profile", "--mock-server", "--engine", "sim", "--max-num-seqs", String.valueOf(MAX_NUM_SEQS),
                "--no-enable-prefix-caching", "--step-base-ms", "5", "--step-ms-per-seq", "0.5",
                "--step-ms-per-prefill-token", "0.01", "--step-ms-per-1k-context", "0", "--streaming", "--tokenizer", "builtin", "--ui-type", "none", "--no-sweep-table",
                "--isl", String.valueOf(ISL), "--osl", String.valueOf(OSL), "--extra-inputs", "ignore_eos:true",
                "--concurrency", "1,2,4,8,16,32,64", "--request-count", requests.toString(), "--sweep-type", "zip",
                "--random-seed", "7", "--output-artifact-dir", dir.toString());
        assertEquals(0, code, err.toString());

        List<Cell> cells = new ArrayList<>();
        for (int c : CONCURRENCY) {
            Path cellDir;
            try (var found = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("concurrency_" + c + "__"))) {
                cellDir = found.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no cell dir for " + c));
            }
            ProfileExport e = ProfileExport.parse(Files.readString(cellDir.resolve("profile_export_redline.json")), cellDir.toString());
            assertEquals(0.0, e.stat("request_error_rate", "avg"), "cell " + c + " had errors");
            cells.add(new Cell(c, e.stat("time_to_first_token", "p50"), e.stat("inter_token_latency", "p50"),
                    e.stat("output_token_throughput", "avg"), e.stat("request_throughput", "avg"),
                    e.stat("time_to_first_token", "p99")));
        }

        for (int i = 1; i < cells.size(); i++) {
            Cell prev = cells.get(i - 1);
            Cell now = cells.get(i);
            // non-decreasing within the noise of a live run on a loaded machine (the batch stops growing at max-num-seqs)
            assertTrue(now.itlP50() >= prev.itlP50() * 0.95, "ITL p50 fell from " + prev + " to " + now);
            assertTrue(now.ttftP50() >= prev.ttftP50() * 0.9, "TTFT p50 fell from " + prev + " to " + now);
            assertTrue(now.outputThroughput() >= prev.outputThroughput() * 0.95, "throughput fell from " + prev + " to " + now);
        }
        Cell first = cells.get(0);
        Cell last = cells.get(cells.size() - 1);
        assertTrue(last.ttftP50() > 3 * first.ttftP50(), "queueing past max-num-seqs: " + first + " vs " + last);
        assertTrue(last.itlP50() > 1.5 * first.itlP50(), "a full batch steps slower: " + first + " vs " + last);

        EngineConfig engine = EngineConfig.defaults().withMaxNumSeqs(MAX_NUM_SEQS).withPrefixCaching(false)
                .withStepTime(5, 0.5, 0.01, 0);
        SteadyState saturated = new EngineOracle(engine).steadyState(64, ISL, OSL);
        for (Cell c : cells) {
            if (c.concurrency() < 2 * MAX_NUM_SEQS) continue;
            double error = Math.abs(c.outputThroughput() - saturated.outputTokenThroughput()) / saturated.outputTokenThroughput();
            assertTrue(error <= 0.05, "concurrency " + c.concurrency() + ": " + c.outputThroughput() + " tok/s vs the formula's "
                    + saturated.outputTokenThroughput() + " (" + Math.round(error * 100) + " %)");
        }

        // the aggregate's Pareto set: exactly the cells no other cell beats on both throughput (max) and TTFT p99 (min)
        Set<Integer> expected = new HashSet<>();
        for (Cell a : cells) {
            boolean dominated = cells.stream().anyMatch(b -> b != a && b.requestThroughput() >= a.requestThroughput()
                    && b.ttftP99() <= a.ttftP99() && (b.requestThroughput() > a.requestThroughput() || b.ttftP99() < a.ttftP99()));
            if (!dominated) expected.add(a.concurrency());
        }
        JsonNode sweep = JSON.readTree(dir.resolve("sweep_aggregate/profile_export_redline_sweep.json").toFile());
        Set<Integer> pareto = new HashSet<>();
        for (JsonNode p : sweep.get("pareto_optimal")) pareto.add(p.get("concurrency").asInt());
        assertEquals(expected, pareto, sweep.get("pareto_optimal").toString());
    }
}
