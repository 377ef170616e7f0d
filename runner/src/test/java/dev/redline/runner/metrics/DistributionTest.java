package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DistributionTest {
    @Test
    void histogramAgreesWithExactWithinThreeDigits() {
        Distribution d = new Distribution(MetricUnit.MILLISECONDS);
        for (int i = 1; i <= 1000; i++) d.add(i * 0.731); // 0.731 .. 731 ms
        Stats exact = d.exactStats();
        Stats hist = d.histogramStats();
        assertEquals(1000, hist.count());
        for (String p : new String[] {"p50", "p90", "p99", "max", "min", "avg"}) {
            assertEquals(exact.get(p), hist.get(p), exact.get(p) * 2e-3 + 1e-6, p);
        }
        assertEquals(exact.std(), hist.std(), exact.std() * 5e-3);
    }

    @Test
    void mergeConcatenatesValuesAndHistograms() {
        Distribution a = new Distribution(MetricUnit.TOKENS);
        Distribution b = new Distribution(MetricUnit.TOKENS);
        a.add(1);
        a.add(2);
        b.add(3);
        b.add(10);
        a.merge(b);
        assertEquals(4, a.count());
        assertEquals(16, a.sum());
        assertEquals(2.5, a.exactStats().p50(), 1e-12);
        assertEquals(4, a.histogramCopy().getTotalCount());
    }

    @Test
    void negativeValuesStayExactButLeaveHistogramStatsOut() {
        Distribution d = new Distribution(MetricUnit.PERCENT);
        d.add(-20);
        d.add(10);
        assertEquals(-5, d.exactStats().avg(), 1e-12);
        assertNull(d.histogramStats());
    }

    @Test
    void histogramOnlyCopyOfSignedValuesHasNoStats() {
        Distribution d = new Distribution(MetricUnit.PERCENT);
        d.add(-20);
        d.add(10);
        Distribution back = Distribution.fromSnapshot(MetricUnit.PERCENT, d.snapshot(false));
        assertFalse(back.isExact());
        assertEquals(2, back.count());
        assertEquals(-10, back.sum(), 1e-12);
        assertNull(back.stats()); // dropped rather than reported wrong
        assertEquals(-5, Distribution.fromSnapshot(MetricUnit.PERCENT, d.snapshot(true)).stats().avg(), 1e-12);
    }

    @Test
    void shiftedDownSubtractsFromEveryValueAndFloorsAtZero() {
        Distribution d = new Distribution(MetricUnit.MILLISECONDS);
        for (int i = 1; i <= 1000; i++) d.add(i * 0.5); // 0.5 .. 500 ms
        Distribution shifted = d.shiftedDown(2.2);
        assertTrue(shifted.isExact());
        assertEquals(1000, shifted.count());
        assertEquals(0, shifted.exactStats().min(), 0, "values under the shift are 0");
        assertEquals(500 - 2.2, shifted.exactStats().max(), 1e-9);
        assertEquals(d.exactStats().p50() - 2.2, shifted.exactStats().p50(), 1e-9);

        // a histogram-only distribution (merged from runners without values) shifts bucket by bucket
        Distribution hist = Distribution.fromSnapshot(MetricUnit.MILLISECONDS, d.snapshot(false));
        Stats h = hist.shiftedDown(2.2).stats();
        Stats e = shifted.exactStats();
        for (String p : new String[] {"p50", "p90", "p99", "max", "avg"}) assertEquals(e.get(p), h.get(p), e.get(p) * 2e-3 + 1e-3, p);
        assertEquals(0, h.min(), 1e-3);
        assertEquals(1000, h.count());
    }

    @Test
    void growsBeyondInitialCapacity() {
        Distribution d = new Distribution(MetricUnit.TOKENS);
        for (int i = 0; i < 10_000; i++) d.add(i);
        assertEquals(10_000, d.exactStats().count());
        assertEquals(4999.5, d.exactStats().p50(), 1e-9);
    }

    @Test
    void pastTheExactLimitStatsComeFromTheHistogramAndMemoryStopsGrowing() {
        Distribution d = new Distribution(MetricUnit.MILLISECONDS);
        int n = Distribution.EXACT_VALUE_LIMIT + 1000;
        for (int i = 1; i <= n; i++) d.add(i / 1000.0); // 0.001 .. n/1000 ms
        assertFalse(d.isExact());
        assertEquals(n, d.count());
        Stats s = d.stats();
        assertEquals(n, s.count());
        double trueP50 = (n + 1) / 2.0 / 1000.0;
        assertEquals(trueP50, s.p50(), trueP50 * 0.002); // 3 significant digits
        assertEquals(n / 1000.0, s.max(), n / 1000.0 * 0.002);
    }
}
