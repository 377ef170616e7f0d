package dev.redline.runner.telemetry.prometheus;

import dev.redline.runner.telemetry.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFormatParserTest {

    @Test
    void parsesVllmFamiliesByType() {
        ParsedExposition e = TextFormatParser.parse(Fixtures.read("vllm.prom"));
        assertEquals(0, e.malformedLines(), e.problems().toString());
        assertEquals(MetricType.GAUGE, e.family("vllm:num_requests_running").type());
        assertEquals(MetricType.COUNTER, e.family("vllm:prompt_tokens_total").type());
        MetricFamily ttft = e.family("vllm:time_to_first_token_seconds");
        assertEquals(MetricType.HISTOGRAM, ttft.type());
        assertEquals(10, ttft.samples().size()); // 8 buckets + count + sum
        assertEquals("Histogram of time to first token in seconds.", ttft.help());
        assertEquals(3, e.family("vllm:request_success_total").samples().size());
        assertEquals("length", e.family("vllm:request_success_total").samples().get(1).label("finished_reason"));
        // *_created gauges carry no measurement and are dropped.
        assertNull(e.family("vllm:prompt_tokens_created"));
        assertNull(e.family("vllm:time_to_first_token_seconds_created"));
        assertEquals(0.4375, e.family("vllm:kv_cache_usage_perc").samples().get(0).value());
    }

    @Test
    void parsesEveryEngineFixtureWithoutProblems() {
        for (String f : List.of("vllm-legacy.prom", "sglang.prom", "trtllm.prom", "dynamo.prom", "tgi.prom", "dcgm-hostname-old.prom")) {
            ParsedExposition e = TextFormatParser.parse(Fixtures.read(f));
            assertEquals(0, e.malformedLines(), f + ": " + e.problems());
            assertTrue(e.sampleCount() > 5, f);
        }
        ParsedExposition tgi = TextFormatParser.parse(Fixtures.read("tgi.prom"));
        assertEquals(MetricType.HISTOGRAM, tgi.family("tgi_request_duration").type());
        assertEquals(MetricType.COUNTER, tgi.family("tgi_request_success").type());
        ParsedExposition sglang = TextFormatParser.parse(Fixtures.read("sglang.prom"));
        assertEquals(8.128902e6, sglang.family("sglang:prompt_tokens_total").samples().get(0).value());
    }

    @Test
    void handlesEscapesSpecialValuesTimestampsSummariesAndExemplars() {
        ParsedExposition e = TextFormatParser.parse(Fixtures.read("edge-cases.prom"));
        assertEquals(0, e.malformedLines(), e.problems().toString());
        MetricFamily esc = e.family("escaped_help");
        assertEquals("A help text with a backslash \\ and a newline \n in it.", esc.help());
        Map<String, String> labels = esc.samples().get(0).labels();
        assertEquals("C:\\models\\llama", labels.get("path"));
        assertEquals("say \"hi\"", labels.get("quote"));
        assertEquals("a\nb", labels.get("multi"));

        List<Sample> special = e.family("special_values").samples();
        assertTrue(Double.isNaN(special.get(0).value()));
        assertEquals(Double.POSITIVE_INFINITY, special.get(1).value());
        assertEquals(Double.NEGATIVE_INFINITY, special.get(2).value());
        assertEquals(0.0015, special.get(3).value());

        Sample ts = e.family("with_timestamp").samples().get(0);
        assertEquals("with_timestamp_total", ts.name());
        assertEquals(1700000000000L, ts.timestampMs());
        assertEquals(42, ts.value());

        MetricFamily summary = e.family("http_latency");
        assertEquals(MetricType.SUMMARY, summary.type());
        assertEquals(4, summary.samples().size());

        MetricFamily hist = e.family("exemplar_hist");
        assertEquals(3, hist.samples().get(0).value(), "exemplar after the value is ignored");

        assertEquals(MetricType.UNTYPED, e.family("no_type_metric").type());
        assertEquals(7, e.family("no_type_metric").samples().get(0).value(), "trailing comma in labels is allowed");
        assertEquals(8, e.family("spaced_metric").samples().get(0).value());
    }

    @Test
    void skipsAndCountsMalformedLines() {
        ParsedExposition e = TextFormatParser.parse(Fixtures.read("malformed.prom"));
        assertEquals(11, e.malformedLines(), e.problems().toString());
        assertEquals(11, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("line 3: "), e.problems().get(0));
        assertEquals(1, e.family("good").samples().get(0).value());
        assertEquals(MetricType.GAUGE, e.family("good").type(), "a second TYPE does not change the family");
        assertEquals(2, e.family("good_labels").samples().get(0).value());
        assertEquals(3, e.family("still_good").samples().get(0).value());
        assertNull(e.family("broken_type"));
    }

    @Test
    void strictNumbersRejectJavaOnlySyntax() {
        for (String bad : List.of("1d", "1f", "0x10", "1e", ".", "--1", "Infinity", "1_000")) {
            ParsedExposition e = TextFormatParser.parse("m " + bad + "\n");
            assertEquals(1, e.malformedLines(), bad);
        }
        for (String good : List.of("1", "-1.5", "+2", ".5", "5.", "1E+3", "1e-9")) {
            ParsedExposition e = TextFormatParser.parse("m " + good + "\n");
            assertEquals(0, e.malformedLines(), good);
        }
    }

    @Test
    void emptyAndWindowsLineEndingsWork() {
        assertTrue(TextFormatParser.parse("").families().isEmpty());
        assertTrue(TextFormatParser.parse(null).families().isEmpty());
        ParsedExposition e = TextFormatParser.parse("# TYPE a gauge\r\na 1\r\n");
        assertEquals(0, e.malformedLines());
        assertEquals(1, e.family("a").samples().get(0).value());
        assertFalse(e.families().containsKey("b"));
    }
}
