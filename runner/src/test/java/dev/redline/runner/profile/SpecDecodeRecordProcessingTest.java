package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeStats;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record processing turns the wire object into the record's acceptance as AIPerf does: a malformed object is dropped
 * (the request stays successful, without spec-decode metrics); two documents with one (n > 1) are not attributable.
 */
class SpecDecodeRecordProcessingTest {
    private static SpecDecodeStats stats(long[] histogram, long steps) {
        long accepted = 0;
        for (int j = 0; j < histogram.length; j++) accepted += j * histogram[j];
        return new SpecDecodeStats(1.0 + (double) accepted / steps, accepted / (2.0 * steps), histogram, accepted,
                2 * steps, steps, 2, null, null, null);
    }

    private static RequestRecord record(long i, SpecDecodeStats... docs) {
        RequestRecord r = new RequestRecord(i, RequestRecord.Phase.PROFILING);
        r.markStart(1, 1);
        r.addContentChunk(2, " the river", "");
        r.markEnd(3);
        for (SpecDecodeStats s : docs) r.addSpecDecodeStats(s);
        return r;
    }

    @Test
    void onlyAWellFormedSingleObjectGivesMetrics() {
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(MetricsContext.of(EndpointType.CHAT, true));
        RequestRecord good = record(0, stats(new long[] {1, 2, 3}, 6));
        RequestRecord malformed = record(1, stats(new long[] {1, 2, 3}, 7)); // histogram sums to 6, not 7
        RequestRecord twoChoices = record(2, stats(new long[] {1, 2, 3}, 6), stats(new long[] {0, 0, 1}, 1));
        RequestRecord none = record(3);
        try (RecordProcessor p = new RecordProcessor(new BuiltinTokenizer(), false, acc::add)) {
            p.accept(good);
            p.accept(malformed);
            p.accept(twoChoices);
            p.accept(none);
        }
        assertNotNull(good.specDecode());
        assertNull(malformed.specDecode());
        assertTrue(malformed.isValid(), "a malformed object does not fail the request (AIPerf)");
        assertNull(twoChoices.specDecode());
        assertNull(none.specDecode());

        BenchmarkResults results = acc.results();
        assertEquals(4, results.validCount());
        assertEquals(1, results.metric("spec_decode_steps").orElseThrow().stats().count());
        assertEquals(6.0, results.metric("total_spec_decode_steps").orElseThrow().value());
        assertEquals(8.0, results.metric("total_accepted_draft_tokens").orElseThrow().value());
        assertEquals(Map.of(0, 1L, 1, 2L, 2, 3L), results.pooledSpecDecodeHistogram());
        assertEquals(1 + 8.0 / 6, results.metric("spec_decode_token_weighted_acceptance_length").orElseThrow().value(), 1e-12);
        assertEquals(100 * 8.0 / 12, results.metric("spec_decode_overall_draft_acceptance_rate").orElseThrow().value(), 1e-9);
    }
}
