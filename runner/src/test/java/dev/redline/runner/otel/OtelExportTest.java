package dev.redline.runner.otel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.cli.OtelOptions;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.config.ConfigLoader;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --otel-url against a real OTLP/HTTP receiver on loopback and the mock server: what the collector gets (names,
 * units, attributes, resource) and that its values are the run's own, read from profile_export_aiperf.json.
 */
class OtelExportTest {
    static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 24;
    private static final int WARMUP = 4;

    @TempDir static Path dir;
    static OtlpReceiver receiver;
    static JsonNode summary;
    static int code;

    private record Result(int code, String err) { }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = RedlineCli.commandLine();
        cli.setErr(new PrintWriter(err));
        for (CommandLine sub : cli.getSubcommands().values()) sub.setErr(new PrintWriter(err));
        int c = cli.execute(args);
        return new Result(c, err.toString().strip());
    }

    private static String[] profile(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("profile", "--mock-server", "--streaming", "--concurrency", "4",
                "--osl", "8", "--isl", "32", "--request-count", String.valueOf(REQUESTS), "--warmup-request-count", String.valueOf(WARMUP),
                "--tokenizer", TOKENIZER, "--artifact-dir", out.toString(), "--ui-type", "none",
                "--profile-export-file", "profile_export_aiperf"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void runAgainstTheReceiver() throws Exception {
        receiver = new OtlpReceiver();
        Path out = dir.resolve("run");
        code = run(profile(out, "--otel-url", receiver.address(), "--otel-resource-attributes",
                "deployment.environment=test,team=perf", "--gen-ai-provider", "openai")).code();
        summary = JSON.readTree(out.resolve("profile_export_aiperf.json").toFile());
    }

    @AfterAll
    static void closeReceiver() { receiver.close(); }

    private static double stat(String tag, String stat) {
        JsonNode n = summary.path(tag).path(stat);
        assertFalse(n.isMissingNode(), tag + "." + stat + " in the summary");
        return n.asDouble();
    }

    private static Metric metric(String name) {
        Metric m = receiver.lastMetrics().get(name);
        assertNotNull(m, name + " was exported; got " + receiver.lastMetrics().keySet());
        return m;
    }

    private static HistogramDataPoint profilingPoint(Metric m, Predicate<Map<String, String>> also) {
        List<HistogramDataPoint> points = m.getHistogram().getDataPointsList().stream()
                .filter(p -> {
                    Map<String, String> a = OtlpReceiver.strings(p.getAttributesList());
                    return "profiling".equals(a.get("aiperf.benchmark_phase")) && also.test(a);
                }).toList();
        assertFalse(points.isEmpty(), m.getName() + " has profiling points");
        // one point per worker: add them up
        HistogramDataPoint.Builder sum = HistogramDataPoint.newBuilder().setMin(Double.MAX_VALUE).setMax(-Double.MAX_VALUE);
        for (HistogramDataPoint p : points) {
            sum.setCount(sum.getCount() + p.getCount()).setSum(sum.getSum() + p.getSum())
                    .setMin(Math.min(sum.getMin(), p.getMin())).setMax(Math.max(sum.getMax(), p.getMax()));
        }
        return sum.build();
    }

    @Test
    void theRunSucceedsAndTheCollectorGetsProtobufWhileItGoes() {
        assertEquals(0, code);
        assertFalse(receiver.requests().isEmpty());
        assertTrue(receiver.contentTypes().stream().allMatch("application/x-protobuf"::equals), receiver.contentTypes().toString());
    }

    @Test
    void resourceCarriesTheBenchmarkAndTheUsersAttributes() {
        Map<String, String> r = receiver.lastResource();
        assertEquals("redline", r.get("service.name"));
        assertEquals(summary.path("benchmark_id").asText(), r.get("aiperf.benchmark.id"));
        assertEquals("chat", r.get("aiperf.endpoint.type"));
        assertEquals("mock-model", r.get("aiperf.model.name"));
        assertEquals("test", r.get("deployment.environment"));
        assertEquals("perf", r.get("team"));
    }

    @Test
    void requestDurationIsTheSummarysRequestLatencyInSeconds() {
        Metric m = metric("gen_ai.client.operation.duration");
        assertEquals("s", m.getUnit());
        assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, m.getHistogram().getAggregationTemporality());
        assertEquals(List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92),
                m.getHistogram().getDataPoints(0).getExplicitBoundsList());
        for (Map<String, String> a : OtlpReceiver.pointAttributes(m)) {
            assertEquals("chat", a.get("gen_ai.operation.name"));
            assertEquals("openai", a.get("gen_ai.provider.name"));
            assertEquals("mock-model", a.get("gen_ai.request.model"));
            assertEquals("false", a.get("aiperf.has_error"));
            assertEquals("false", a.get("aiperf.was_cancelled"));
            assertNotNull(a.get("aiperf.worker.id"));
        }
        HistogramDataPoint p = profilingPoint(m, a -> true);
        assertEquals((long) stat("request_count", "avg"), p.getCount());
        assertEquals(stat("request_latency", "min"), p.getMin() * 1000, 1e-6);
        assertEquals(stat("request_latency", "max"), p.getMax() * 1000, 1e-6);
        assertEquals(stat("request_latency", "avg"), p.getSum() / p.getCount() * 1000, 1e-6);
    }

    @Test
    void firstChunkAndPerChunkTimesAreTheSummarysTtftAndItl() {
        HistogramDataPoint ttft = profilingPoint(metric("gen_ai.client.operation.time_to_first_chunk"), a -> true);
        assertEquals(stat("time_to_first_token", "min"), ttft.getMin() * 1000, 1e-6);
        assertEquals(stat("time_to_first_token", "avg"), ttft.getSum() / ttft.getCount() * 1000, 1e-6);
        Metric itl = metric("gen_ai.client.operation.time_per_output_chunk");
        assertEquals("s", itl.getUnit());
        HistogramDataPoint p = profilingPoint(itl, a -> true);
        assertEquals(stat("inter_token_latency", "max"), p.getMax() * 1000, 1e-6);
        assertEquals(stat("inter_token_latency", "avg"), p.getSum() / p.getCount() * 1000, 1e-6);
    }

    @Test
    void outputTokensAreTokenUsageAndOtherMetricsKeepAiperfNames() {
        Metric usage = metric("gen_ai.client.token.usage");
        assertEquals("{token}", usage.getUnit());
        HistogramDataPoint out = profilingPoint(usage, a -> "output".equals(a.get("gen_ai.token.type")));
        assertEquals(stat("output_token_count", "avg") * stat("request_count", "avg"), out.getSum(), 1e-6);
        Metric isl = metric("aiperf.input_sequence_length");
        assertEquals("tokens", isl.getUnit());
        HistogramDataPoint in = profilingPoint(isl, a -> true);
        assertEquals(stat("input_sequence_length", "avg"), in.getSum() / in.getCount(), 1e-6);
        Metric ttst = metric("aiperf.time_to_second_token");
        assertEquals("ns", ttst.getUnit());
        assertEquals(stat("time_to_second_token", "min"), profilingPoint(ttst, a -> true).getMin() / 1e6, 1e-3);
        assertFalse(OtlpReceiver.pointAttributes(isl).get(0).containsKey("gen_ai.provider.name"), "aiperf.* metrics carry AIPerf's attributes only");
    }

    @Test
    void warmupRecordsAreExportedUnderTheirPhase() {
        long warmup = metric("gen_ai.client.operation.duration").getHistogram().getDataPointsList().stream()
                .filter(p -> "warmup".equals(OtlpReceiver.strings(p.getAttributesList()).get("aiperf.benchmark_phase")))
                .mapToLong(HistogramDataPoint::getCount).sum();
        assertEquals(WARMUP, warmup);
    }

    @Test
    void phaseCountersCountTheRequests() {
        Metric completed = metric("aiperf.timing.requests.completed");
        assertTrue(completed.getSum().getIsMonotonic());
        assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, completed.getSum().getAggregationTemporality());
        assertEquals((long) stat("request_count", "avg"), phaseValue(completed, "profiling"));
        assertEquals(WARMUP, phaseValue(completed, "warmup"));
        assertEquals(REQUESTS, phaseValue(metric("aiperf.timing.requests.sent"), "profiling"));
        Metric inFlight = metric("aiperf.timing.requests.in_flight");
        assertFalse(inFlight.getSum().getIsMonotonic());
        assertEquals(0, phaseValue(inFlight, "profiling"));
        Map<String, String> a = OtlpReceiver.pointAttributes(completed).get(0);
        assertEquals("openai", a.get("gen_ai.provider.name"));
    }

    private static long phaseValue(Metric m, String phase) {
        return m.getSum().getDataPointsList().stream()
                .filter(p -> phase.equals(OtlpReceiver.strings(p.getAttributesList()).get("aiperf.benchmark_phase")))
                .mapToLong(p -> (long) p.getAsDouble()).sum();
    }

    @Test
    void anUnreachableCollectorWarnsOnceAndTheResultsAreWritten() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path out = dir.resolve("unreachable");
        // what the JDK's console handler would print: nothing from the SDK (it logs each failure with a stack trace)
        List<java.util.logging.LogRecord> sdk = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord rec) {
                if (rec.getLoggerName() != null && rec.getLoggerName().startsWith("io.opentelemetry")) sdk.add(rec);
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        java.util.logging.Logger.getLogger("").addHandler(capture);
        Result r;
        try {
            r = run(profile(out, "--otel-url", "http://127.0.0.1:" + closed));
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }
        assertEquals(List.of(), sdk.stream().map(java.util.logging.LogRecord::getMessage).toList());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("profile_export_aiperf.json")));
        String log = Files.readString(out.resolve("logs").resolve("redline.log"));
        long warnings = log.lines().filter(l -> l.contains("OpenTelemetry collector at")).count();
        assertEquals(1, warnings, log);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--otel-url ftp://collector:4318|--otel-url",
            "--otel-url http://:4318|--otel-url",
            "--otel-url localhost:4318 --otel-resource-attributes novalue|--otel-resource-attributes",
            "--otel-url localhost:4318 --otel-resource-attributes =x|--otel-resource-attributes",
            "--otel-url localhost:4318 --stream bogus|--stream",
            "--stream metrics|--stream",
            "--gen-ai-provider openai|--gen-ai-provider",
            "--otel-resource-attributes a=b|--otel-resource-attributes",
            "--otel-url localhost:4318 --runners 2|--otel-url",
    })
    void badInputExitsTwoWithOneLineNamingTheFlag(String args, String flag) {
        List<String> all = new java.util.ArrayList<>(List.of("profile", "-m", "m", "--url", "http://127.0.0.1:9"));
        all.addAll(List.of(args.split(" ")));
        Result r = run(all.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(flag) || r.err().contains(flag + " ") || r.err().contains(flag + ":"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void streamSelectsTheDomainsAsAiperfDoes() {
        assertEquals("[true, true]", java.util.Arrays.toString(OtelOptions.domains(List.of("default"))));
        assertEquals("[true, false]", java.util.Arrays.toString(OtelOptions.domains(List.of("metrics"))));
        assertEquals("[true, true]", java.util.Arrays.toString(OtelOptions.domains(List.of("metrics", "timing"))));
        assertEquals("[false, false]", java.util.Arrays.toString(OtelOptions.domains(List.of("metrics", "none"))));
    }

    @Test
    void aiperfsYamlOtelSectionIsReadAsIs() {
        String yaml = """
                schemaVersion: "2.0"
                benchmark:
                  models: [m]
                  endpoint: {urls: ["http://localhost:8000"]}
                  otel:
                    metrics_url: http://collector:4318/v1/metrics
                    stream_timing_enabled: false
                    custom_resource_attributes: {deployment.environment: prod}
                    gen_ai_provider: openai
                """;
        BenchmarkSpec spec = new ConfigLoader().load(yaml, "otel.yaml", true).spec();
        assertEquals("http://collector:4318/v1/metrics", spec.getOtel().getMetricsUrl());
        assertFalse(spec.getOtel().timingOn());
        assertTrue(spec.getOtel().metricsOn());
        assertEquals(Map.of("deployment.environment", "prod"), spec.getOtel().getCustomResourceAttributes());
        assertEquals("openai", spec.getOtel().getGenAiProvider());
    }

    @Test
    void urlsNormaliseAsAiperfs() {
        assertEquals("http://localhost:4318/v1/metrics", dev.redline.api.v1alpha1.OtelSpec.metricsEndpoint("localhost:4318"));
        assertEquals("https://otel.example.com/v1/metrics", dev.redline.api.v1alpha1.OtelSpec.metricsEndpoint("https://otel.example.com/"));
        assertEquals("http://c:4318/otlp/v1/metrics", dev.redline.api.v1alpha1.OtelSpec.metricsEndpoint("http://c:4318/otlp"));
        assertEquals("http://c:4318/v1/metrics", dev.redline.api.v1alpha1.OtelSpec.metricsEndpoint("http://c:4318/v1/metrics/"));
    }

    @Test
    void providerIsInferredFromTheUrlsHost() {
        assertEquals("openai", GenAiConventions.providerName(null, List.of("https://api.openai.com")));
        assertEquals("aws.bedrock", GenAiConventions.providerName(null, List.of("bedrock-runtime.us-east-1.amazonaws.com")));
        assertEquals("_OTHER", GenAiConventions.providerName(null, List.of("http://127.0.0.1:8000")));
        assertEquals("vllm", GenAiConventions.providerName("vllm", List.of("https://api.openai.com")));
    }
}
