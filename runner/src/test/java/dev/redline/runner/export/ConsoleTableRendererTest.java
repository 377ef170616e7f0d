package dev.redline.runner.export;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.Runs;
import dev.redline.runner.metrics.TestRecord;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConsoleTableRendererTest {
    private final ConsoleTableRenderer renderer = new ConsoleTableRenderer();

    @Test
    void llmTableLayoutAndFormatting() {
        String out = renderer.render(Fixtures.chatRun());
        List<String> lines = Arrays.asList(out.split("\n"));
        assertEquals("Redline | LLM Metrics", lines.get(0).trim());
        assertTrue(lines.get(2).matches("┃\\s+Metric ┃\\s+avg ┃\\s+min ┃\\s+max ┃\\s+p99 ┃\\s+p90 ┃\\s+p50 ┃\\s+std ┃"),
                lines.get(2));
        // request latency: 60 ms and 2000 ms -> avg 1,030.00
        String latency = row(lines, "Request Latency (ms)");
        assertTrue(latency.matches("│\\s+Request Latency \\(ms\\) │\\s+1,030\\.00 │\\s+60\\.00 │\\s+2,000\\.00 │.*"), latency);
        // scalar rows: avg only, N/A elsewhere
        String count = row(lines, "Request Count (requests)");
        assertTrue(count.matches("│\\s+Request Count \\(requests\\) │\\s+2\\.00 │\\s+N/A │\\s+N/A │\\s+N/A │\\s+N/A │\\s+N/A │\\s+N/A │"), count);
        // long labels wrap the unit onto a second line, right-justified
        int i = lines.indexOf(row(lines, "Output Token Throughput Per User"));
        assertTrue(lines.get(i + 1).contains("(tokens/sec/user) │"), lines.get(i + 1));
        // error-only and hidden metrics are not shown
        assertFalse(out.contains("Error Input Sequence Length"));
        assertFalse(out.contains("Inter Chunk Latency"));
        assertFalse(out.contains("Benchmark Duration"));
        // row order follows display order
        assertTrue(out.indexOf("Time to First Token") < out.indexOf("Request Latency"));
        assertTrue(out.indexOf("Request Throughput") < out.indexOf("Request Count"));
    }

    @Test
    void errorSummaryWhenRequestsFailed() {
        String out = renderer.render(Fixtures.chatRun());
        assertTrue(out.contains("Error Summary"));
        assertTrue(out.matches("(?s).*│\\s+500 │ Internal Server Error │ upstream, \"exploded\"\\s+│\\s+1 │.*"), out);
        String clean = renderer.render(Runs.results(TestRecord.startAt(1000).chunk(1010).build()));
        assertFalse(clean.contains("Error Summary"));
    }

    @Test
    void embeddingsTitleAndNoTokenRows() {
        BenchmarkResults res = Runs.results(MetricsContext.of(EndpointType.EMBEDDINGS, false),
                TestRecord.startAt(1000).chunk(1010).tokens(12, -1, -1).build());
        String out = renderer.render(res);
        assertEquals("Redline | Embeddings Metrics", out.lines().findFirst().orElseThrow().trim());
        assertFalse(out.contains("Output Sequence Length"));
        assertFalse(out.contains("Time to First Token"));
        assertTrue(out.contains("Request Latency (ms)"));
    }

    @Test
    void oslMismatchWarningOnlyWhenLengthsMissed() {
        String missed = renderer.render(Runs.results(
                TestRecord.startAt(1000).chunk(1010).tokens(5, 40, 0).maxTokens(100).build(),
                TestRecord.startAt(1000).chunk(1010).tokens(5, 100, 0).maxTokens(100).build()));
        assertTrue(missed.contains("Warning: 1 of 2 requests returned an output length"), missed);
        assertTrue(missed.contains("ignore_eos"));
        String exact = renderer.render(Runs.results(
                TestRecord.startAt(1000).chunk(1010).tokens(5, 100, 0).maxTokens(100).build()));
        assertFalse(exact.contains("Warning"));
    }

    @Test
    void thousandsSeparatorsAndMissing() {
        assertEquals("1,234,567.89", DisplayNumbers.grouped(1234567.891));
        assertEquals("0.50", DisplayNumbers.grouped(0.5));
        assertEquals("N/A", DisplayNumbers.grouped(Double.NaN));
    }

    private static String row(List<String> lines, String label) {
        return lines.stream().filter(l -> l.contains(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }
}
