package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.SweepType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweep and multi-run flags of redline profile, and redline config expand. */
class SweepCliTest {
    static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static CliRun run(String... args) {
        CliRun r = CliRun.of(RedlineCli.commandLine(), args);
        return new CliRun(r.code(), r.out(), r.err().trim());
    }

    private static void assertBadInput(String expected, String... args) {
        CliRun o = run(args);
        assertEquals(2, o.code(), "exit code for " + String.join(" ", args) + ": " + o.err());
        assertFalse(o.err().contains("\n"), "one line: " + o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
    }

    /** Parses like the CLI, without running: the envelope the flags build. */
    static ConfigEnvelope envelope(String... args) {
        CommandLine cl = RedlineCli.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return ((ProfileCommand) parsed.subcommand().commandSpec().userObject()).buildEnvelope();
    }

    @Test
    void magicListsBecomeAGridOrAZipSweep() {
        ConfigEnvelope env = envelope("profile", "-m", "m", "--concurrency", "1,10,100", "--isl=128,512", "--request-count", "50");
        assertEquals(SweepType.GRID, env.getSweep().getType());
        assertEquals(Map.of("phases.profiling.concurrency", List.of(1, 10, 100), "dataset.prompts.isl.mean", List.of(128, 512)),
                env.getSweep().getParameters());
        assertEquals(1, env.benchmark().getPhases().get(0).getConcurrency(), "the base takes the first value");
        assertEquals(50, env.benchmark().getPhases().get(0).getRequests());
        ConfigEnvelope zip = envelope("profile", "-m", "m", "--isl", "128,1024", "--osl", "64,256", "--sweep-type", "zip",
                "--request-rate", "2.5,5");
        assertEquals(SweepType.ZIP, zip.getSweep().getType());
        assertEquals(List.of(2.5, 5.0), zip.getSweep().getParameters().get("phases.profiling.rate"));
        ConfigEnvelope plain = envelope("profile", "-m", "m", "--concurrency", "8", "--num-profile-runs", "3", "--confidence-level", "0.9",
                "--no-set-consistent-seed", "--convergence-metric", "time_to_first_token", "--convergence-mode", "ci-width");
        assertNull(plain.getSweep());
        assertEquals(3, plain.getMultiRun().getNumRuns());
        assertEquals(0.9, plain.getMultiRun().getConfidenceLevel());
        assertFalse(plain.getMultiRun().consistentSeed());
        assertEquals("ci_width", plain.getMultiRun().getConvergence().resolvedMode());
    }

    @Test
    void variantsBecomeAScenarioSweep() {
        ConfigEnvelope env = envelope("profile", "-m", "m", "--variant", "small: isl=128, osl=64", "--sweep-variant", "request-rate=4.5, concurrency=2");
        assertEquals(SweepType.SCENARIOS, env.getSweep().getType());
        assertEquals(Map.of("name", "small", "dataset.prompts.isl.mean", 128, "dataset.prompts.osl.mean", 64), env.getSweep().getRuns().get(0));
        assertEquals(Map.of("phases.profiling.rate", 4.5, "phases.profiling.concurrency", 2), env.getSweep().getRuns().get(1));
    }

    @Test
    void badSweepInputIsOneLineNamingTheFlag() throws Exception {
        assertBadInput("--num-dataset-entries: '1,2' is a list, but only these flags sweep a list of values: --concurrency,",
                "profile", "-m", "m", "--num-dataset-entries", "1,2");
        assertBadInput("--sweep-type zip: the lists differ in length (--concurrency has 3, --isl has 2)",
                "profile", "-m", "m", "--sweep-type", "zip", "--concurrency", "1,2,3", "--isl", "1,2");
        assertBadInput("--num-profile-runs: 0 is out of range; give 1..10", "profile", "-m", "m", "--num-profile-runs", "0");
        assertBadInput("--num-profile-runs: 11 is out of range", "profile", "-m", "m", "--num-profile-runs", "11");
        assertBadInput("--variant: cannot be combined with list values (--concurrency)",
                "profile", "-m", "m", "--concurrency", "1,8", "--variant", "a: isl=1", "--variant", "b: isl=2");
        assertBadInput("--variant: one variant is no sweep", "profile", "-m", "m", "--variant", "a: isl=1");
        assertBadInput("--variant 'a: tokenizer=x': 'tokenizer' is not a flag a variant can set",
                "profile", "-m", "m", "--variant", "a: tokenizer=x", "--variant", "b: isl=2");
        assertBadInput("--concurrency (phases[0].concurrency): must be at least 1, got 0", "profile", "-m", "m", "--concurrency", "0,8");
        assertBadInput("--concurrency 0: phases[0].concurrency: must be at least 1, got 0", "profile", "-m", "m", "--concurrency", "8,0");
        assertBadInput("--concurrency: 'x' in '1,x' is not a number", "profile", "-m", "m", "--concurrency", "1,x");
        assertBadInput("--request-rate: 'NaN' in '1,NaN' is not a number", "profile", "-m", "m", "--request-rate", "1,NaN");
        assertBadInput("--convergence-mode: needs --convergence-metric", "profile", "-m", "m", "--num-profile-runs", "3", "--convergence-mode", "cv");
        assertBadInput("--convergence-metric: needs --num-profile-runs of 2 or more", "profile", "-m", "m", "--convergence-metric", "time_to_first_token");
        assertBadInput("--parameter-sweep-same-seed: needs --random-seed", "profile", "-m", "m", "--concurrency", "1,2", "--parameter-sweep-same-seed");
        assertBadInput("--parameter-sweep-mode: there is no sweep", "profile", "-m", "m", "--parameter-sweep-mode", "independent");
        assertBadInput("--confidence-level: 1.5 is not in (0, 1)", "profile", "-m", "m", "--num-profile-runs", "2", "--confidence-level", "1.5");
        assertBadInput("--runners: sweeps and multi-runs run in one runner process", "profile", "-m", "m", "--concurrency", "1,2", "--runners", "2");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "benchmark: {models: [m]}\nsweep: {parameters: {phases.profiling.concurency: [1, 2]}}\n");
        assertBadInput("sweep.parameters: 'phases.profiling.concurency' names no field: phases.profiling has no 'concurency' (did you mean 'concurrency'?)",
                "profile", "-f", file.toString());
        assertBadInput("--concurrency: the config file already has a sweep: section", "profile", "-f", file.toString(), "--concurrency", "1,2");
        Files.writeString(file, "benchmark: {models: [m]}\nsweep: {type: zip, parameters: {isl: [1, 2], osl: [1]}}\n");
        assertBadInput("sweep.parameters: a zip sweep needs lists of equal length, got isl=2, osl=1", "profile", "-f", file.toString());
    }

    @Test
    void configExpandPrintsEveryVariationWithoutRunning() throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                schema_version: "2.0"
                random_seed: 10
                benchmark:
                  models: [m]
                  endpoint: {url: "http://127.0.0.1:9"}
                  phases: [{concurrency: 1, requests: 10}]
                sweep:
                  type: grid
                  parameters:
                    concurrency: [1, 4]
                    isl: [128, 512]
                multi_run: {num_runs: 2}
                """);
        CliRun text = run("config", "expand", file.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("4 variation(s) x 2 trial(s) = 8 run(s) (grid sweep)"), text.out());
        assertTrue(text.out().contains("[3] phases.profiling.concurrency=4, dataset.prompts.isl.mean=512  dir=concurrency_4__isl_512  seed=13"), text.out());
        CliRun json = run("config", "expand", file.toString(), "--format", "json", "--index", "2", "--full");
        JsonNode root = JSON.readTree(json.out());
        assertEquals(4, root.get("variations").asInt());
        assertEquals(1, root.get("items").size());
        assertEquals("concurrency_4__isl_128", root.at("/items/0/dir").asText());
        assertEquals(4, root.at("/items/0/benchmark/phases/0/concurrency").asInt());
        assertEquals(128, root.at("/items/0/benchmark/dataset/prompts/isl/mean").asInt());
        CliRun yaml = run("config", "expand", file.toString(), "--format", "yaml");
        assertTrue(yaml.out().contains("dir: concurrency_1__isl_128"), yaml.out());
        assertBadInput("--index: 4 is out of range; " + file + " has 4 variation(s), 0..3", "config", "expand", file.toString(), "--index", "4");
        assertBadInput("--format: 'xml' is not allowed; use text, yaml or json", "config", "expand", file.toString(), "--format", "xml");
    }

    @Test
    void aSweepAndAMultiRunFromTheCommandLine() throws Exception {
        Path out = dir.resolve("sweep");
        CliRun sweep = run("profile", "--mock-server", "--streaming", "--concurrency", "1,2", "--osl", "4", "--isl", "16",
                "--request-count", "8", "--tokenizer", TOKENIZER, "--artifact-dir", out.toString(), "--ui-type", "none",
                "--parameter-sweep-cooldown-seconds", "0.2");
        assertEquals(0, sweep.code(), sweep.err());
        JsonNode agg = JSON.readTree(out.resolve("sweep_aggregate/profile_export_redline_sweep.json").toFile());
        assertEquals(List.of("concurrency"), List.of(agg.at("/metadata/sweep_parameters/0/name").asText()));
        assertEquals(2, agg.get("per_combination_metrics").size());
        assertTrue(Files.isRegularFile(out.resolve("concurrency_2/profile_export_redline.json")));
        Path multi = dir.resolve("multi");
        CliRun three = run("profile", "--mock-server", "--streaming", "--concurrency", "2", "--osl", "4", "--isl", "16",
                "--request-count", "8", "--tokenizer", TOKENIZER, "--artifact-dir", multi.toString(), "--ui-type", "none",
                "--num-profile-runs", "3", "--warmup-request-count", "2");
        assertEquals(0, three.code(), three.err());
        JsonNode confidence = JSON.readTree(multi.resolve("aggregate/profile_export_redline_aggregate.json").toFile());
        assertEquals(3, confidence.at("/metadata/num_successful_runs").asInt());
        assertTrue(confidence.at("/metrics/request_throughput_avg/ci_low").isNumber());
        JsonNode run2 = JSON.readTree(multi.resolve("profile_runs/run_0002/profile_export_redline.json").toFile());
        assertEquals(1, run2.at("/input_config/phases").size(), "warmup only in the first run");
        assertEquals(2, JSON.readTree(multi.resolve("profile_runs/run_0001/profile_export_redline.json").toFile()).at("/input_config/phases").size());
        assertTrue(run2.at("/run_info/cli_command").asText().startsWith("redline profile --mock-server"));
    }
}
