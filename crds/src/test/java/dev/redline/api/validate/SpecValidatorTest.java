package dev.redline.api.validate;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecValidatorTest {

    private static List<Violation> check(String yaml) {
        return SpecValidator.validate(SpecReader.read(yaml, "t.yaml"));
    }

    private static Violation only(String yaml) {
        List<Violation> v = check(yaml);
        assertEquals(1, v.size(), v.toString());
        return v.get(0);
    }

    @Test
    void theShippedSampleIsValid() {
        BenchmarkSpec spec = SpecReader.read(Path.of("../config/samples/profile-chat-streaming.yaml"));
        assertEquals(List.of(), SpecValidator.validate(spec));
    }

    @Test
    void modelsAreRequired() {
        assertEquals("models", only("endpoint: {type: chat}").path());
    }

    @Test
    void zeroOrNegativeLimitsAreRejectedWithThePath() {
        Violation v = only("models: [m]\nphases: [{concurrency: 0}]");
        assertEquals("phases[0].concurrency", v.path());
        assertTrue(v.message().contains("at least 1"), v.message());
        assertEquals("phases[0].requests", only("models: [m]\nphases: [{requests: -3}]").path());
        assertEquals("phases[0].rate", only("models: [m]\nphases: [{rate: 0}]").path());
    }

    @Test
    void badUrlsAreRejected() {
        assertTrue(only("models: [m]\nendpoint: {url: 'http://exa mple:80'}").message().contains("not a valid URL"));
        assertTrue(only("models: [m]\nendpoint: {url: 'ftp://host'}").message().contains("use http://, https://"));
        assertEquals(List.of(), check("models: [m]\nendpoint: {url: 'localhost:8000'}"), "scheme is optional");
    }

    @Test
    void otelNeedsAUsableUrlAndNonEmptyAttributes() {
        assertEquals(List.of(), check("models: [m]\notel: {metricsUrl: 'collector:4318', customResourceAttributes: {team: perf}}"));
        Violation scheme = only("models: [m]\notel: {metricsUrl: 'grpc://collector:4317'}");
        assertEquals("otel.metricsUrl", scheme.path());
        assertTrue(scheme.message().contains("OTLP/gRPC is not"), scheme.message());
        assertEquals("otel.customResourceAttributes", only("models: [m]\notel: {metricsUrl: 'c:4318', customResourceAttributes: {team: ''}}").path());
        Violation alone = only("models: [m]\notel: {genAiProvider: openai}");
        assertEquals("otel.genAiProvider", alone.path());
        assertTrue(alone.message().contains("needs otel.metricsUrl"), alone.message());
    }

    @Test
    void streamingOnANonStreamingTypeIsTurnedOffNotRejected() {
        // AIPerf turns streaming off (with a warning at run start) for endpoint types that do not stream
        assertTrue(check("models: [m]\nendpoint: {type: embeddings, streaming: true}").isEmpty());
        assertFalse(dev.redline.api.config.SpecReader.read("models: [m]\nendpoint: {type: embeddings, streaming: true}", "t")
                .endpoint().isStreaming());
    }

    @Test
    void stddevWithoutMeanIsRejected() {
        Violation v = only("models: [m]\ndataset: {prompts: {isl: {stddev: 5}}}");
        assertEquals("dataset.prompts.isl.stddev", v.path());
        assertTrue(v.message().contains("needs a mean"));
    }

    @Test
    void duplicatePhaseNamesAndMissingProfilingPhase() {
        List<Violation> v = check("models: [m]\nphases: [{kind: warmup, name: a}, {kind: warmup, name: A}]");
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.message().contains("used twice")));
        assertTrue(v.stream().anyMatch(x -> x.message().contains("no profiling phase")));
    }

    @Test
    void goodputNamesKnownMetrics() {
        Violation v = only("models: [m]\ngoodput: {time_to_frist_token: 100}");
        assertEquals("goodput.time_to_frist_token", v.path());
        assertTrue(v.message().contains("did you mean 'time_to_first_token'"), v.message());
    }

    @Test
    void suggestionsIgnoreSeparatorsAndCase() {
        assertEquals("requestCount", Suggestions.nearest("request_cnt", List.of("requestCount", "concurrency")));
        assertEquals(null, Suggestions.nearest("zzzzzz", List.of("requestCount")));
    }
}
