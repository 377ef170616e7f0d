package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redline speed-bench-report} over real runs: two spec_al_* profiles (local copies of the public datasets)
 * against the mock sending vLLM's per-request spec-decode object with different acceptance, then the matrix.
 */
class SpeedBenchReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private double profile(String dataset, Path file, double acceptance, Path artifacts) throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0)
                .specDecodeDraftTokens(4).specDecodeAcceptance(acceptance).randomSeed(9))) {
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "mock-model", "-u", mock.baseUrl(),
                    "--endpoint-type", "chat", "--streaming", "--public-dataset", dataset, "--public-dataset-path", file.toString(),
                    "--tokenizer", "builtin", "--osl", "32", "--ui-type", "none", "--request-count", "12", "--concurrency", "3",
                    "--artifact-dir", artifacts.toString());
            assertEquals(0, r.code(), r.err());
            var sent = mock.specDecodeSent();
            return 1.0 + (double) sent.acceptedDraftTokens() / sent.steps();
        }
    }

    @Test
    void theMatrixOfTwoRunsHasOneColumnPerCategoryAndTheirMean() throws Exception {
        Path gsm8k = Files.writeString(dir.resolve("gsm8k.jsonl"), "{\"question\":\"What is 2 + 3?\"}\n{\"question\":\"What is 7 * 6?\"}\n");
        Path humaneval = Files.writeString(dir.resolve("humaneval.jsonl"),
                "{\"task_id\":\"HumanEval/0\",\"prompt\":\"def add(a, b):\\n\"}\n");
        Path runs = dir.resolve("runs");
        double lengthMath = profile("spec_al_gsm8k", gsm8k, 0.8, runs.resolve("gsm8k"));
        double lengthCode = profile("spec_al_humaneval", humaneval, 0.3, runs.resolve("humaneval"));
        assertTrue(lengthMath > lengthCode + 0.5, lengthMath + " vs " + lengthCode);
        Files.createDirectories(runs.resolve("not-a-run"));

        Path csv = dir.resolve("report.csv");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", runs.toString(), "--output", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Found 2 run directories."), r.out());
        assertTrue(r.out().contains("Acceptance Length Report"), r.out());
        assertTrue(r.out().contains("CSV written to " + csv), r.out());
        String m = fmt(lengthMath), c = fmt(lengthCode), overall = fmt((lengthMath + lengthCode) / 2);
        // AIPerf's spec_al order (math, chat, code), Python csv's CRLF
        assertEquals("Model,gsm8k,humaneval,Overall\r\nmock-model," + m + "," + c + "," + overall + "\r\n", Files.readString(csv));
        assertTrue(r.out().contains(m) && r.out().contains(overall), r.out());

        // that came from the mock's vLLM counters in server_metrics_export.json; without them, from the run's own
        // per-request spec-decode metrics: the same figure
        for (String run : List.of("gsm8k", "humaneval")) {
            String sm = Files.readString(runs.resolve(run).resolve("server_metrics_export.json"));
            assertTrue(sm.contains("vllm:spec_decode_num_accepted_tokens_total"), sm);
            Files.delete(runs.resolve(run).resolve("server_metrics_export.json"));
        }
        r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", runs.toString(), "--output", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Model,gsm8k,humaneval,Overall\r\nmock-model," + m + "," + c + "," + overall + "\r\n", Files.readString(csv));

        JsonNode gsm = JSON.readTree(runs.resolve("gsm8k/profile_export_redline.json").toFile());
        assertEquals("spec_al_gsm8k", gsm.at("/input_config/dataset/publicDataset").asText());

        r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", runs.resolve("gsm8k").toString(), runs.resolve("humaneval").toString(),
                "--metric", "accept_rate", "--format", "csv", "--output", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("Acceptance Rate Report"), "csv only");
        String rate = Files.readString(csv).lines().toList().get(1);
        double rateMath = Double.parseDouble(rate.split(",")[1]);
        assertEquals((lengthMath - 1) / 4, rateMath, 0.006, "accepted / drafted = (length - 1) / k, as a fraction");
    }

    private double profileSpeedBench(String type, Path file, double acceptance, Path artifacts) throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0)
                .specDecodeDraftTokens(3).specDecodeAcceptance(acceptance).randomSeed(2))) {
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", "org/model", "-u", mock.baseUrl(),
                    "--endpoint-type", "chat", "--streaming", "--custom-dataset-type", type, "--input-file", file.toString(),
                    "--tokenizer", "builtin", "--osl", "24", "--ui-type", "none", "--request-count", "6", "--concurrency", "2",
                    "--artifact-dir", artifacts.toString());
            assertEquals(0, r.code(), r.err());
            var sent = mock.specDecodeSent();
            return 1.0 + (double) sent.acceptedDraftTokens() / sent.steps();
        }
    }

    @Test
    void speedBenchQualitativeCategoriesGetAiperfsColumnOrder() throws Exception {
        Path file = dir.resolve("qualitative.jsonl");
        try (var in = getClass().getResourceAsStream("/dev/redline/runner/compat/fixtures/speed_bench_qualitative.jsonl")) {
            Files.copy(in, file);
        }
        Path runs = dir.resolve("speed");
        // math before coding on disk: the columns still follow AIPerf's category list (coding, ..., math, ...)
        double math = profileSpeedBench("speed_bench_math", file, 0.9, runs.resolve("a_math"));
        double coding = profileSpeedBench("speed_bench_coding", file, 0.2, runs.resolve("b_coding"));
        Path csv = dir.resolve("speed.csv");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", runs.toString(), "--output", csv.toString(),
                "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals("Model,coding,math,Overall\r\norg/model," + fmt(coding) + "," + fmt(math) + "," + fmt((coding + math) / 2)
                + "\r\n", Files.readString(csv));
    }

    @Test
    void noRunsOrBadPathsAreOneLineAndExitOneAsAiperf() throws Exception {
        CliRun r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", dir.resolve("missing").toString());
        assertEquals(1, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of("Warning: " + dir.resolve("missing") + " is not a directory, skipping",
                "Error: no run directories found (a run directory holds profile_export_redline.json or profile_export_aiperf.json);"
                        + " pass run directories or a directory of them."), lines);

        // a run whose dataset is no SPEED-Bench one: no category, no result
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("profile_export_aiperf.json"),
                "{\"input_config\":{\"datasets\":[{\"dataset\":\"sharegpt\"}],\"models\":{\"items\":[{\"name\":\"m\"}]}},"
                        + "\"output_token_throughput\":{\"avg\":12.5}}");
        r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", dir.toString(), "--metric", "throughput");
        assertEquals(1, r.code());
        assertTrue(r.err().endsWith("Error: no SPEED-Bench results extracted (a run needs a speed_bench_* or spec_al_* dataset "
                + "and the chosen --metric).\n") || r.err().endsWith("--metric).\r\n"), r.err());

        CliRun.assertBadInput("--metric speed is not one of accept_length, accept_rate, throughput",
                "speed-bench-report", dir.toString(), "--metric", "speed");
    }

    @Test
    void readsAiperfsExportAndServerMetrics() throws Exception {
        Path run = Files.createDirectories(dir.resolve("aiperf/run_coding"));
        Files.writeString(run.resolve("profile_export_aiperf.json"),
                "{\"input_config\":{\"datasets\":[{\"format\":\"speed_bench_coding\"}],\"models\":{\"items\":[{\"name\":\"llama\"}]}}}");
        Files.writeString(run.resolve("server_metrics_export.json"), "{\"metrics\":{"
                + "\"vllm:spec_decode_num_accepted_tokens\":{\"series\":[{\"stats\":{\"total\":300}}]},"
                + "\"vllm:spec_decode_num_drafts\":{\"series\":[{\"stats\":{\"total\":200}}]}}}");
        Path csv = dir.resolve("r.csv");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "speed-bench-report", dir.resolve("aiperf").toString(), "--output", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Model,coding,Overall\r\nllama,2.50,2.50\r\n", Files.readString(csv), "300 / 200 + 1");
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
