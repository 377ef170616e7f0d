package dev.redline.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input of issue 2: exit code 2, one line on stderr naming the flag or field, no stack trace. */
class ProfileBadInputTest {
    @TempDir Path dir;

    /** The run, with stderr trimmed (so a one-line error has no line break). */
    private static CliRun run(String... args) {
        CliRun r = CliRun.of(RedlineCli.commandLine(), args);
        return new CliRun(r.code(), r.out(), r.err().trim());
    }

    private void assertBadInput(String expectedFragment, String... args) {
        CliRun o = run(args);
        assertEquals(2, o.code(), "exit code for " + String.join(" ", args) + ": " + o.err());
        assertFalse(o.err().contains("\n"), "one line: " + o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        assertTrue(o.err().contains(expectedFragment), "expected '" + expectedFragment + "' in: " + o.err());
    }

    @Test
    void zeroOrNegativeConcurrencyAndRequestCount() {
        assertBadInput("--concurrency", "profile", "-m", "m", "--concurrency", "0");
        assertBadInput("--concurrency", "profile", "-m", "m", "--concurrency", "-4");
        assertBadInput("--request-count", "profile", "-m", "m", "--request-count", "0");
    }

    @Test
    void unknownEndpointType() {
        assertBadInput("--endpoint-type: unknown endpoint type 'chatty'; use one of chat, completions, responses, messages, "
                + "embeddings,", "profile", "-m", "m", "--endpoint-type", "chatty");
        assertBadInput("dynamic_grpc", "profile", "-m", "m", "--endpoint-type", "chatty"); // the list names every type
    }

    @Test
    void tensorrtllmEngineIsRefusedWithItsReason() {
        assertBadInput("--endpoint-type: tensorrtllm_engine runs TensorRT-LLM inside the benchmark process",
                "profile", "-m", "m", "--endpoint-type", "tensorrtllm_engine");
    }

    @Test
    void urlThatDoesNotParse() {
        assertBadInput("-u/--url", "profile", "-m", "m", "-u", "http://bad host:80");
        assertBadInput("use http://, https://", "profile", "-m", "m", "--url", "ftp://x");
    }

    @Test
    void islStddevWithoutMean() {
        assertBadInput("--isl-stddev", "profile", "-m", "m", "--isl-stddev", "5");
    }

    /** The flags and the file added with AIPerf's failure threshold and custom GPU metrics CSV. */
    @Test
    void failedRequestThresholdOutsideZeroToOne() {
        assertBadInput("--failed-request-threshold (phases[0].failedRequestThreshold): must be at most 1",
                "profile", "-m", "m", "--failed-request-threshold", "1.5");
        assertBadInput("--failed-request-threshold (phases[0].failedRequestThreshold): must be at least 0",
                "profile", "-m", "m", "--failed-request-threshold", "-0.1");
        assertBadInput("--failed-request-threshold (phases[0].failedRequestThreshold): must be a number, got NaN",
                "profile", "-m", "m", "--failed-request-threshold", "NaN");
    }

    @Test
    void requestRateSeriesThatIsMalformedOrConflicting() throws Exception {
        Path ok = dir.resolve("series.json");
        Files.writeString(ok, "[{\"time_s\": 0, \"qps\": 1}, {\"time_s\": 5, \"qps\": 4}]");
        Path bad = dir.resolve("bad-series.json");
        Files.writeString(bad, "[{\"time_s\": 0, \"qps\": 1}");
        assertBadInput("--request-rate-series: invalid request-rate series JSON", "profile", "-m", "m", "--request-rate-series", bad.toString());
        assertBadInput("--request-rate-series: cannot read request-rate series JSON", "profile", "-m", "m",
                "--request-rate-series", dir.resolve("missing.json").toString());
        Files.writeString(bad, "[{\"time_s\": 0, \"qps\": 1}]");
        assertBadInput("--request-rate-series (phases[0].rateSeries): a request-rate series needs at least two points",
                "profile", "-m", "m", "--request-rate-series", bad.toString());
        Files.writeString(bad, "[{\"time_s\": 0, \"qps\": -2}, {\"time_s\": 5, \"qps\": 4}]");
        assertBadInput("--request-rate-series (phases[0].rateSeries[0].qps): must be greater than 0",
                "profile", "-m", "m", "--request-rate-series", bad.toString());
        Files.writeString(bad, "[{\"time_s\": 3, \"qps\": 2}, {\"time_s\": 3, \"qps\": 4}]");
        assertBadInput("time_s values must be strictly increasing", "profile", "-m", "m", "--request-rate-series", bad.toString());
        assertBadInput("--request-rate-series conflicts with --request-rate", "profile", "-m", "m",
                "--request-rate-series", ok.toString(), "--request-rate", "5");
        assertBadInput("--request-rate-series conflicts with --fixed-schedule", "profile", "-m", "m",
                "--request-rate-series", ok.toString(), "--fixed-schedule");
        assertBadInput("--request-rate-series conflicts with --user-centric-rate", "profile", "-m", "m",
                "--request-rate-series", ok.toString(), "--user-centric-rate", "2", "--num-users", "2", "--session-turns-mean", "3");
    }

    @Test
    void cacheBustWithAnUnknownTargetOrAnEndpointThatCannotCarryIt() {
        assertBadInput("unknown cache-bust target 'everywhere'; use one of none, system_prefix, system_suffix, first_turn_prefix,",
                "profile", "-m", "m", "--cache-bust", "everywhere");
        assertBadInput("--cache-bust (dataset.cacheBust.target): cache-bust is not supported by endpoint completions; use endpoint type chat, responses or messages",
                "profile", "-m", "m", "--endpoint-type", "completions", "--cache-bust", "system_prefix");
    }

    @Test
    void randomRangeRatioOutsideItsRangeOrWithoutItsLengths() {
        assertBadInput("--random-range-ratio (dataset.prompts.randomRangeRatio.input): must be in [0, 1) for the vllm style, got 1.0",
                "profile", "-m", "m", "--isl", "100", "--osl", "20", "--random-range-ratio", "1");
        assertBadInput("--random-range-ratio (dataset.prompts.randomRangeRatio.input): must be in [0, 1) for the vllm style, got NaN",
                "profile", "-m", "m", "--isl", "100", "--osl", "20", "--random-range-ratio", "NaN");
        assertBadInput("must be in [0, 1] for the sglang style, got 1.5", "profile", "-m", "m", "--isl", "100", "--osl", "20",
                "--random-range-ratio", "1.5", "--random-corpus-style", "sglang");
        assertBadInput("--random-range-ratio: the sglang style applies one ratio to both ISL and OSL", "profile", "-m", "m",
                "--isl", "100", "--osl", "20", "--random-range-ratio", "{\"input\": 0.2, \"output\": 0.2}", "--random-corpus-style", "sglang");
        assertBadInput("--random-range-ratio: the JSON object must have exactly the keys input and output", "profile", "-m", "m",
                "--isl", "100", "--osl", "20", "--random-range-ratio", "{\"input\": 0.2}");
        assertBadInput("--random-range-ratio: 'wide' is not a number", "profile", "-m", "m", "--random-range-ratio", "wide");
        assertBadInput("requires --osl to be set explicitly", "profile", "-m", "m", "--isl", "100", "--random-range-ratio", "0.2");
        assertBadInput("--isl-stddev cannot be combined with --random-range-ratio", "profile", "-m", "m", "--isl", "100",
                "--isl-stddev", "5", "--osl", "20", "--random-range-ratio", "0.2");
        assertBadInput("--random-corpus-style (dataset.prompts.randomCorpusStyle): unknown style 'uniform'; use vllm or sglang",
                "profile", "-m", "m", "--random-corpus-style", "uniform");
    }

    @Test
    void gpuMetricsCsvThatIsMissingOrGivenTwice() throws Exception {
        Path missing = dir.resolve("custom_gpu_metrics.csv");
        assertBadInput("--gpu-telemetry: GPU metrics file not found: " + missing, "profile", "-m", "m", "--gpu-telemetry", missing.toString());
        Path a = Files.writeString(dir.resolve("a.csv"), "DCGM_FI_DEV_ENC_UTIL, gauge, Encoder utilization (in %)\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "DCGM_FI_DEV_DEC_UTIL, gauge, Decoder utilization (in %)\n");
        assertBadInput("--gpu-telemetry: one metrics CSV at most", "profile", "-m", "m", "--gpu-telemetry", a.toString(), b.toString());
    }

    /** In a file the path is checked when the run starts, before its first request: one line naming the field. */
    @Test
    void gpuMetricsFileOfAConfigThatDoesNotExist() throws Exception {
        try (var mock = dev.redline.runner.mock.MockServer.start(new dev.redline.runner.mock.MockServerOptions().port(0))) {
            Path missing = dir.resolve("nope.csv");
            Path f = Files.writeString(dir.resolve("gpu.yaml"), """
                    models: [mock-model]
                    endpoint: {url: "%s"}
                    tokenizer: {name: builtin}
                    phases: [{concurrency: 1, requests: 2}]
                    telemetry: {gpuMetricsFile: "%s"}
                    artifacts: {dir: "%s"}
                    """.formatted(mock.baseUrl(), missing, dir.resolve("art")));
            assertBadInput("telemetry.gpuMetricsFile: " + missing + " not found", "profile", "-f", f.toString(), "--ui-type", "none");
            var metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(mock.baseUrl() + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.lines().anyMatch(l -> l.equals("vllm:request_success_total{model_name=\"mock-model\"} 0.0")),
                    "no inference request was sent: " + metrics.lines().filter(l -> l.contains("request_success")).toList());
        }
    }

    @Test
    void unreadableConfigFile() {
        assertBadInput("file not found", "profile", "-f", dir.resolve("missing.yaml").toString());
    }

    @Test
    void unknownYamlKeySuggestsTheNearest() throws Exception {
        Path f = Files.writeString(dir.resolve("b.yaml"), "models: [m]\nendpoint: {streamin: true}\n");
        assertBadInput("endpoint.streamin: unknown key (did you mean 'streaming'?)", "profile", "-f", f.toString());
    }

    @Test
    void tokenizerThatCannotBeFoundSaysWhereItLooked() {
        Path missing = dir.resolve("nowhere/tokenizer.json");
        CliRun o = run("profile", "-m", "m", "--tokenizer", missing.toString(), "--artifact-dir", dir.resolve("a").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(missing.toString()), o.err());
        assertFalse(o.err().contains("\n"), o.err());
    }

    @Test
    void serverThatRefusesConnectionsIsReportedBeforeTheRun() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        CliRun o = run("profile", "-m", "mock-model", "-u", "http://127.0.0.1:" + port, "--request-count", "3",
                "--artifact-dir", dir.resolve("a").toString(), "--ui-type", "none");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.contains("127.0.0.1:" + port) && l.startsWith("redline: ")), o.err());
    }

    @Test
    void unknownFlagSuggestsTheNearest() {
        assertBadInput("--concurrency", "profile", "-m", "m", "--concurency", "3");
    }

    @Test
    void badGoodputAndExtraInputs() {
        assertBadInput("--goodput", "profile", "-m", "m", "--goodput", "time_to_first_token=5");
        assertBadInput("--goodput", "profile", "-m", "m", "--goodput", "time_to_frist_token:5");
        assertBadInput("--extra-inputs", "profile", "-m", "m", "--extra-inputs", "{not json");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun o = run("--help");
        assertEquals(0, o.code());
        for (String sub : new String[] {"profile", "mock-server", "synthesize", "analyze-trace"}) {
            assertTrue(o.out().contains(sub), "help lists " + sub + ": " + o.out());
        }
    }
}
