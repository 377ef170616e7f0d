package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.engine.EngineConfig;
import dev.redline.runner.mock.engine.EngineOracle;
import dev.redline.runner.mock.engine.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine flags of mock-server and profile --mock-server: their mapping, their errors, --print-model. */
class MockEngineFlagsTest {
    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RedlineCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.setOut(new PrintWriter(out));
            sub.setErr(new PrintWriter(err));
        }
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString().strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--engine bogus|--engine",
            "--engine sim --max-num-seqs 0|--max-num-seqs",
            "--engine sim --max-num-seqs -1|--max-num-seqs",
            "--engine sim --max-num-batched-tokens 0|--max-num-batched-tokens",
            "--engine sim --kv-cache-tokens -5|--kv-cache-tokens",
            "--engine sim --kv-cache-tokens 4|--kv-cache-tokens",
            "--engine sim --block-size 0|--block-size",
            "--engine sim --step-base-ms -1|--step-base-ms",
            "--engine sim --step-base-ms 0|--step-base-ms",
            "--engine sim --step-base-ms Infinity|--step-base-ms",
            "--engine sim --step-ms-per-seq -0.1|--step-ms-per-seq",
            "--engine sim --step-ms-per-prefill-token NaN|--step-ms-per-prefill-token",
            "--engine sim --step-ms-per-1k-context -2|--step-ms-per-1k-context",
            "--engine sim --step-jitter-ms NaN|--step-jitter-ms",
            "--max-num-seqs 8|--max-num-seqs",
            "--engine sim --ttft-ms 5|--ttft-ms",
            "--print-model|--print-model",
            "--engine sim --isl 100|--isl",
            "--engine sim --print-model --sla ttft:p95:200|--sla",
            "--engine sim --print-model --sla time_to_first_token:p95:-3|--sla",
            "--engine sim --print-model --format xml|--format",
            "--engine sim --print-model --isl 0|--isl",
            "--engine sim --kv-cache-tokens 1000 --print-model --isl 900 --osl 200|--kv-cache-tokens",
            "--engine sim --print-model --concurrency 0|--concurrency",
    })
    void badMockServerInputExitsTwoWithOneLineNamingTheFlag(String args, String flag) {
        Result r = run(("mock-server --port 0 " + args).split(" "));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(flag), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void engineFlagsOnProfileNeedTheBuiltInMock() {
        Result r = run("profile", "--engine", "sim", "-m", "x", "--url", "http://127.0.0.1:9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--engine") && r.err().contains("--mock-server"), r.err());
        Result bad = run("profile", "--mock-server", "--engine", "sim", "--max-num-seqs", "-3");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--max-num-seqs"), bad.err());
    }

    @Test
    void flagsMapToTheEngineConfig() {
        MockServerCommand command = new MockServerCommand();
        new CommandLine(command).parseArgs("--engine", "sim", "--max-num-seqs", "32", "--max-num-batched-tokens", "2048",
                "--kv-cache-tokens", "100000", "--block-size", "32", "--no-enable-chunked-prefill", "--no-enable-prefix-caching",
                "--no-preemption", "--step-base-ms", "4", "--step-ms-per-seq", "0.1", "--step-ms-per-prefill-token", "0.02",
                "--step-ms-per-1k-context", "0.05", "--step-jitter-ms", "1");
        assertEquals(new EngineConfig(32, 2048, 100000, 32, false, false, false, 4, 0.1, 0.02, 0.05, 1), command.options().engine());
        MockServerCommand defaults = new MockServerCommand();
        new CommandLine(defaults).parseArgs("--engine", "sim");
        assertEquals(EngineConfig.defaults(), defaults.options().engine());
        assertNull(new MockServerCommand().options().engine(), "fixed is the default");
    }

    @Test
    void printModelShowsTheOraclesAnswers() throws Exception {
        Result text = run("mock-server", "--engine", "sim", "--max-num-seqs", "16", "--print-model", "--isl", "200", "--osl", "50",
                "--concurrency", "1,4,16", "--sla", "time_to_first_token:p95:100");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("step_ms = 6 + 0.03 x decode_seqs"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.trim().startsWith("16 ")), text.out());
        EngineConfig engine = EngineConfig.defaults().withMaxNumSeqs(16);
        EngineOracle oracle = new EngineOracle(engine);
        int best = oracle.maxConcurrency(c -> Workload.of(200, 50, Math.max(100, 10 * c)), 16,
                p -> p.metric("time_to_first_token", "p95") < 100);
        assertTrue(text.out().contains("Max concurrency meeting time_to_first_token:p95:100: " + best), text.out());

        Result json = run("mock-server", "--engine", "sim", "--print-model", "--isl", "200", "--osl", "50",
                "--concurrency", "2", "--request-count", "40", "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode point = root.at("/points/0");
        double expected = oracle.atConcurrency(2, Workload.of(200, 50, 40)).outputTokenThroughput();
        assertEquals(expected, point.get("output_token_throughput").asDouble(), 1e-9);
        assertEquals(40, point.get("requests").asInt());
        assertTrue(point.at("/time_to_first_token/p95").asDouble() > 0);
        assertEquals(256, root.at("/engine/maxNumSeqs").asInt());
    }
}
