package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.redline.runner.metrics.Runs.*;
import static org.junit.jupiter.api.Assertions.*;

class RecordMetricsAccumulatorTest {
    @Test
    void durationUsesSuccessfulRecordsOnly() {
        BenchmarkResults res = results(
                TestRecord.startAt(100).fail(500, "Internal Server Error", "x").end(200).build(),
                TestRecord.startAt(1000).chunks(1100, 1400).build(),
                TestRecord.startAt(1200).chunks(1300, 2000).end(2100).build(),
                TestRecord.startAt(1900).fail(0, "TimeoutException", "timed out").end(9000).build());
        assertEquals(TestRecord.ns(1000), res.benchmarkDurationNs());
        assertEquals(2.0, value(res, "request_throughput"), 1e-12);
    }

    @Test
    void streamingMetricsAbsentWithoutStreaming() {
        BenchmarkResults res = results(MetricsContext.of(EndpointType.CHAT, false),
                TestRecord.startAt(1000).chunk(1200).tokens(10, 20, 0).build());
        for (String tag : List.of("time_to_first_token", "time_to_second_token", "inter_token_latency",
                "inter_chunk_latency", "output_token_throughput_per_user", "decode_duration",
                "prefill_throughput_per_user", "time_to_first_output_token")) {
            assertTrue(res.metric(tag).isEmpty(), tag);
        }
        assertEquals(200, stats(res, "request_latency").avg(), 1e-9);
        assertEquals(100, stats(res, "e2e_output_token_throughput").avg(), 1e-9);
    }

    @Test
    void tokenMetricsAbsentForEmbeddings() {
        BenchmarkResults res = results(MetricsContext.of(EndpointType.EMBEDDINGS, false),
                TestRecord.startAt(1000).chunk(1200).tokens(10, -1, -1).build());
        for (String tag : List.of("output_sequence_length", "output_token_count", "output_token_throughput",
                "total_token_throughput", "total_osl", "e2e_output_token_throughput")) {
            assertTrue(res.metric(tag).isEmpty(), tag);
        }
        assertEquals(10, stats(res, "input_sequence_length").avg());
        assertTrue(res.metric("request_latency").isPresent());
    }

    @Test
    void resultsAreInDisplayOrder() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunks(1010, 1020, 1030).tokens(5, 3, 0).build());
        List<String> visible = res.metrics().stream().filter(m -> m.def().consoleVisible()).map(MetricResult::tag).toList();
        assertEquals(List.of("time_to_first_token", "time_to_second_token", "time_to_first_output_token",
                "request_latency", "decode_duration", "inter_token_latency", "output_token_throughput_per_user",
                "e2e_output_token_throughput", "output_sequence_length", "input_sequence_length",
                "output_token_throughput", "request_throughput", "request_error_rate", "request_count"), visible);
    }

    @Test
    void listMetricIsFlattenedAcrossRecords() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunks(1010, 1020, 1050).build(),
                TestRecord.startAt(1000).chunks(1010, 1015).build());
        Stats icl = stats(res, "inter_chunk_latency");
        assertEquals(3, icl.count()); // 10, 30, 5
        assertEquals(10, icl.p50(), 1e-9);
        assertEquals(45, icl.sum(), 1e-9);
    }

    @Test
    void errorSummaryGroupsByCodeAndTypeMostFrequentFirst() {
        BenchmarkResults res = results(
                TestRecord.startAt(1000).fail(500, "Internal Server Error", "first").build(),
                TestRecord.startAt(1000).fail(429, "Too Many Requests", "a").build(),
                TestRecord.startAt(1000).fail(429, "Too Many Requests", "b").build(),
                TestRecord.startAt(1000).fail(500, "Internal Server Error", "second").build(),
                TestRecord.startAt(1000).fail(429, "Too Many Requests", "c").build(),
                TestRecord.startAt(1000).fail(500, "Bad Gateway Proxy", "other type").build(),
                TestRecord.startAt(1000).chunk(1010).cancelAt(1020).build(),
                TestRecord.startAt(1000).build());
        assertEquals(List.of(
                new ErrorSummaryEntry(429, "Too Many Requests", "a", 3),
                new ErrorSummaryEntry(500, "Internal Server Error", "first", 2),
                new ErrorSummaryEntry(200, RecordOutcome.INVALID_TYPE, "response carried no content", 1),
                new ErrorSummaryEntry(499, "RequestCancellationError", "request cancelled by the client", 1),
                new ErrorSummaryEntry(500, "Bad Gateway Proxy", "other type", 1)), res.errorSummary());
        assertEquals(8, res.errorCount());
        assertEquals(1, res.cancelledCount());
        assertEquals(0, res.validCount());
    }

    @Test
    void lateAndWarmupRecordsAreNotCounted() {
        BenchmarkResults res = results(TestRecord.startAt(1000).chunk(1010).build(),
                TestRecord.startAt(1000).chunk(5000).late().build(),
                TestRecord.startAt(1000).fail(500, "E", "x").late().build(),
                TestRecord.warmupAt(500).chunk(600).build());
        assertEquals(1, res.validCount());
        assertEquals(0, res.errorCount());
        assertEquals(2, res.lateCount());
        assertEquals(10, stats(res, "request_latency").max(), 1e-9);
    }

    @Test
    void mergeOfTwoEqualsOneOverAllRecords() {
        Random rnd = new Random(42);
        List<RequestRecord> a = new ArrayList<>();
        List<RequestRecord> b = new ArrayList<>();
        RecordMetricsAccumulator all = new RecordMetricsAccumulator(CHAT_STREAMING);
        for (int i = 0; i < 400; i++) {
            double start = 1000 + i * 3;
            double ttft = 5 + rnd.nextDouble() * 100;
            TestRecord t = TestRecord.startAt(start).chunk(start + ttft);
            int chunks = 1 + rnd.nextInt(20);
            double at = start + ttft;
            for (int c = 0; c < chunks; c++) t.chunk(at += 1 + rnd.nextDouble() * 30);
            t.tokens(50 + rnd.nextInt(500), chunks + 1, 0).usage(60, chunks + 3, 0, -1).maxTokens(chunks + 2);
            if (i % 37 == 0) t.fail(500, "Internal Server Error", "boom " + i);
            RequestRecord r = t.build();
            all.add(r);
            (i % 2 == 0 ? a : b).add(r);
        }
        RecordMetricsAccumulator accA = new RecordMetricsAccumulator(CHAT_STREAMING);
        RecordMetricsAccumulator accB = new RecordMetricsAccumulator(CHAT_STREAMING);
        a.forEach(accA::add);
        b.forEach(accB::add);
        accA.merge(accB);

        BenchmarkResults merged = accA.results();
        BenchmarkResults single = all.results();
        assertEquals(single.validCount(), merged.validCount());
        assertEquals(single.errorCount(), merged.errorCount());
        assertEquals(single.errorSummary().get(0).count(), merged.errorSummary().get(0).count());
        assertEquals(single.benchmarkDurationNs(), merged.benchmarkDurationNs());
        assertEquals(single.metrics().stream().map(MetricResult::tag).toList(),
                merged.metrics().stream().map(MetricResult::tag).toList());
        for (MetricResult m : single.metrics()) {
            MetricResult o = merged.metric(m.tag()).orElseThrow();
            if (m.isScalar()) {
                assertEquals(m.value(), o.value(), Math.abs(m.value()) * 1e-12, m.tag());
            } else {
                assertEquals(m.stats().count(), o.stats().count(), m.tag());
                assertEquals(m.stats().p50(), o.stats().p50(), 0, m.tag()); // exact values travel too
                assertEquals(m.stats().p99(), o.stats().p99(), 0, m.tag());
                assertEquals(m.stats().sum(), o.stats().sum(), Math.abs(m.stats().sum()) * 1e-12, m.tag());
            }
        }
        for (String tag : List.of("time_to_first_token", "request_latency", "inter_token_latency", "inter_chunk_latency")) {
            Stats exact = all.distribution(tag).orElseThrow().exactStats();
            Stats hist = accA.distribution(tag).orElseThrow().histogramStats();
            assertEquals(exact.count(), hist.count(), tag);
            for (String p : List.of("p50", "p90", "p99", "max")) {
                // HdrHistogram with 3 significant digits; same interpolation, so only bucket precision differs
                assertEquals(exact.get(p), hist.get(p), exact.get(p) * 2e-3 + 1e-6, tag + " " + p);
            }
        }
    }

    @Test
    void mergeRejectsADifferentRun() {
        RecordMetricsAccumulator a = new RecordMetricsAccumulator(CHAT_STREAMING);
        RecordMetricsAccumulator b = new RecordMetricsAccumulator(MetricsContext.of(EndpointType.CHAT, false));
        assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    }

    @Test
    void perRecordViewForValidAndErrorRecords() {
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(CHAT_STREAMING);
        Map<String, MetricValue> ok = acc.recordMetrics(
                TestRecord.startAt(1000).chunks(1020, 1030, 1060).tokens(7, 5, 0).usage(7, 5, 12, -1).maxTokens(5).build());
        assertEquals(20, ok.get("time_to_first_token").value(), 1e-9);
        assertEquals("ms", ok.get("time_to_first_token").unit());
        assertArrayEquals(new double[] {10, 30}, ok.get("inter_chunk_latency").list(), 1e-9);
        assertEquals(10, ok.get("inter_token_latency").value(), 1e-9);
        assertFalse(ok.containsKey("usage_discrepancy_count"));
        assertFalse(ok.containsKey("error_isl"));
        assertFalse(ok.containsKey("request_count"));

        Map<String, MetricValue> err = acc.recordMetrics(
                TestRecord.startAt(1000).fail(500, "E", "x").tokens(33, -1, -1).build());
        assertEquals(Map.of("error_isl", new MetricValue(33, null, "tokens")).keySet(), err.keySet());
        assertEquals(33, err.get("error_isl").value());
    }
}
