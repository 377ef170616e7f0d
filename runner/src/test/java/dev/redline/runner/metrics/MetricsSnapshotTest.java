package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.redline.runner.metrics.Runs.CHAT_STREAMING;
import static org.junit.jupiter.api.Assertions.*;

class MetricsSnapshotTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static List<RequestRecord> records(int n, long seed, double offsetMs) {
        Random rnd = new Random(seed);
        List<RequestRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double start = offsetMs + i * 2;
            double at = start + 5 + rnd.nextDouble() * 80;
            TestRecord t = TestRecord.startAt(start).chunk(at);
            int chunks = 1 + rnd.nextInt(10);
            for (int c = 0; c < chunks; c++) t.chunk(at += 1 + rnd.nextDouble() * 20);
            t.tokens(20 + rnd.nextInt(200), chunks + 1, 0).maxTokens(chunks + 1);
            if (i % 25 == 0) t.fail(429, "Too Many Requests", "slow down");
            out.add(t.build());
        }
        return out;
    }

    private MetricsSnapshot roundTrip(MetricsSnapshot s) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(s), MetricsSnapshot.class);
    }

    @Test
    void snapshotsWithValuesMergeExactly() throws Exception {
        List<RequestRecord> a = records(300, 1, 1000);
        List<RequestRecord> b = records(200, 2, 1500);
        RecordMetricsAccumulator accA = new RecordMetricsAccumulator(CHAT_STREAMING);
        RecordMetricsAccumulator accB = new RecordMetricsAccumulator(CHAT_STREAMING);
        RecordMetricsAccumulator all = new RecordMetricsAccumulator(CHAT_STREAMING);
        a.forEach(accA::add);
        b.forEach(accB::add);
        a.forEach(all::add);
        b.forEach(all::add);

        RecordMetricsAccumulator merged = RecordMetricsAccumulator.fromSnapshot(CHAT_STREAMING, roundTrip(accA.snapshot(true)));
        merged.merge(RecordMetricsAccumulator.fromSnapshot(CHAT_STREAMING, roundTrip(accB.snapshot(true))));

        BenchmarkResults want = all.results();
        BenchmarkResults got = merged.results();
        assertEquals(want.validCount(), got.validCount());
        assertEquals(want.errorCount(), got.errorCount());
        assertEquals(want.errorSummary(), got.errorSummary());
        assertEquals(want.benchmarkDurationNs(), got.benchmarkDurationNs());
        assertEquals(want.metrics().size(), got.metrics().size());
        for (MetricResult m : want.metrics()) {
            MetricResult o = got.metric(m.tag()).orElseThrow();
            if (m.isScalar()) assertEquals(m.value(), o.value(), Math.abs(m.value()) * 1e-12, m.tag());
            else assertEquals(m.stats().p99(), o.stats().p99(), 0, m.tag());
        }
    }

    @Test
    void pooledSpecDecodeHistogramsMergeAcrossRunnersAndThroughJson() throws Exception {
        List<RequestRecord> a = records(30, 5, 1000);
        List<RequestRecord> b = records(20, 6, 1500);
        // runner A's requests accept 0 or 1 draft per step, runner B's up to 3: the pooled buckets must add up
        for (int i = 0; i < a.size(); i++) a.get(i).setSpecDecode(acceptance(new long[] {2, 1}));
        for (int i = 0; i < b.size(); i++) b.get(i).setSpecDecode(acceptance(new long[] {0, 1, 0, 4}));
        RecordMetricsAccumulator accA = new RecordMetricsAccumulator(CHAT_STREAMING);
        RecordMetricsAccumulator accB = new RecordMetricsAccumulator(CHAT_STREAMING);
        a.forEach(accA::add);
        b.forEach(accB::add);
        RecordMetricsAccumulator merged = RecordMetricsAccumulator.fromSnapshot(CHAT_STREAMING, roundTrip(accA.snapshot(false)));
        merged.merge(RecordMetricsAccumulator.fromSnapshot(CHAT_STREAMING, roundTrip(accB.snapshot(false))));
        long validA = accA.results().validCount(), validB = accB.results().validCount();
        assertEquals(java.util.Map.of(0, 2 * validA, 1, validA + validB, 3, 4 * validB),
                merged.results().pooledSpecDecodeHistogram(), "zero buckets left out");
        assertEquals(2 * validA + validA + validB + 4 * validB,
                merged.results().metric("total_spec_decode_steps").orElseThrow().value());
        assertNull(new RecordMetricsAccumulator(CHAT_STREAMING).results().pooledSpecDecodeHistogram());
    }

    private static dev.redline.runner.record.SpecDecodeAcceptance acceptance(long[] histogram) {
        long steps = 0, accepted = 0;
        for (int j = 0; j < histogram.length; j++) {
            steps += histogram[j];
            accepted += j * histogram[j];
        }
        long k = histogram.length - 1;
        return new dev.redline.runner.record.SpecDecodeAcceptance(1.0 + (double) accepted / steps,
                (double) accepted / (k * steps), histogram, accepted, k * steps, steps, k, null, null);
    }

    @Test
    void histogramOnlySnapshotsGiveCountsExactlyAndPercentilesWithinPrecision() throws Exception {
        List<RequestRecord> a = records(400, 3, 1000);
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(CHAT_STREAMING);
        a.forEach(acc::add);
        MetricsSnapshot snap = roundTrip(acc.snapshot(false));
        assertNull(snap.distributions().get("request_latency").values());

        RecordMetricsAccumulator back = RecordMetricsAccumulator.fromSnapshot(CHAT_STREAMING, snap);
        assertFalse(back.distribution("request_latency").orElseThrow().isExact());
        BenchmarkResults want = acc.results();
        BenchmarkResults got = back.results();
        assertEquals(want.validCount(), got.validCount());
        for (String tag : List.of("time_to_first_token", "request_latency", "inter_token_latency", "inter_chunk_latency")) {
            Stats w = want.metric(tag).orElseThrow().stats();
            Stats g = got.metric(tag).orElseThrow().stats();
            assertEquals(w.count(), g.count(), tag);
            assertEquals(w.sum(), g.sum(), Math.abs(w.sum()) * 1e-12, tag);
            for (String p : List.of("p50", "p90", "p99", "max")) {
                assertEquals(w.get(p), g.get(p), w.get(p) * 2e-3 + 1e-6, tag + " " + p);
            }
        }
        assertEquals(want.metric("osl_mismatch_diff_pct").orElseThrow().stats().count(),
                got.metric("osl_mismatch_diff_pct").orElseThrow().stats().count());
        assertEquals(want.metric("osl_mismatch_count").orElseThrow().value(), got.metric("osl_mismatch_count").orElseThrow().value());
    }

    @Test
    void rejectsUnknownVersionAndForeignMetric() {
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(CHAT_STREAMING);
        MetricsSnapshot s = acc.snapshot(true);
        MetricsSnapshot wrongVersion = new MetricsSnapshot(99, 0, 0, 0, 0, 0, 0, 0, s.counters(), s.errors(), s.distributions(), null);
        assertThrows(IllegalArgumentException.class, () -> RecordMetricsAccumulator.fromSnapshot(CHAT_STREAMING, wrongVersion));
        var embeddings = MetricsContext.of(dev.redline.api.v1alpha1.EndpointType.EMBEDDINGS, false);
        var e = assertThrows(IllegalArgumentException.class, () -> RecordMetricsAccumulator.fromSnapshot(embeddings, s));
        assertTrue(e.getMessage().contains("same benchmark"), e.getMessage());
    }
}
