package dev.redline.runner.dataset.trace;

import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Figures for datasets/trace_small.jsonl, worked out by hand (block size 4, 1 s windows). */
class TraceAnalyzerTest {
    private static final double EPS = 1e-9;

    @Test
    void smallTraceMatchesHandComputedFigures() {
        TraceAnalysis a = new TraceAnalyzer(4, 1.0).analyze(Fixtures.path("trace_small.jsonl"));
        assertEquals(4, a.requests());
        // ISL 8, 12, 6, 4: mean 7.5, population sd sqrt(35/4), p50 7, p90 8 + 0.7*4
        assertEquals(7.5, a.isl().avg(), EPS);
        assertEquals(Math.sqrt(8.75), a.isl().std(), EPS);
        assertEquals(7.0, a.isl().p50(), EPS);
        assertEquals(10.8, a.isl().p90(), EPS);
        assertEquals(4, a.isl().min(), EPS);
        assertEquals(12, a.isl().max(), EPS);
        assertEquals(25.0, a.osl().avg(), EPS);
        // arrivals at 0, 0.5, 1.0, 2.5 s
        assertEquals(2.5, a.durationSeconds(), EPS);
        assertEquals(1.6, a.meanArrivalRate(), EPS);
        assertEquals(List.of(2L, 1L, 1L), a.arrivals().stream().map(TraceAnalysis.Window::requests).toList());
        // blocks: 8 references over {1..5}; 1 and 2 used by several requests
        assertEquals(8, a.blockReferences());
        assertEquals(5, a.uniqueBlocks());
        assertEquals(2, a.reusedBlocks());
        assertEquals(3.0 / 8, a.blockReuseRatio(), EPS);
        // prefixes (1)x3 (1,2)x2 (1,2,3) (1,4) (5): 5 unique, 5 of 8 occurrences reused, one shared first block
        assertEquals(5, a.uniquePrefixes());
        assertEquals(5.0 / 8, a.prefixReuseRatio(), EPS);
        assertEquals(1, a.prefixGroups());
        // leading hits 0/2, 2/3, 1/2, 0/1; tokens cached 0 + 8 + 4 + 0 of 30
        assertEquals((2.0 / 3 + 0.5) / 4, a.cacheHitRate(), EPS);
        assertEquals(12.0 / 30, a.tokenCacheHitRate(), EPS);
    }

    @Test
    void blockSizeOnlyScalesTheTokenFigure() {
        TraceAnalysis a = new TraceAnalyzer(2, 1.0).analyze(Fixtures.path("trace_small.jsonl"));
        assertEquals((2.0 / 3 + 0.5) / 4, a.cacheHitRate(), EPS);
        assertEquals((4.0 + 2.0) / 30, a.tokenCacheHitRate(), EPS);
    }

    @Test
    void missingInputLengthNamesLineAndField() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new TraceAnalyzer(512, 60).analyze(Fixtures.path("bad/trace_missing_input.jsonl")));
        assertTrue(e.getMessage().endsWith("trace_missing_input.jsonl:1: field 'input_length' is required for analysis"), e.getMessage());
    }
}
