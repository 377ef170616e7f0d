package dev.redline.runner.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StatisticsTest {
    @Test
    void numpyLinearPercentilesAndPopulationStd() {
        double[] values = {10, 3, 1, 4, 2};
        Stats s = Statistics.of(values, 5);
        // sorted 1,2,3,4,10; index q/100*4
        assertEquals(1.04, s.p1(), 1e-12);
        assertEquals(1.2, s.p5(), 1e-12);
        assertEquals(1.4, s.p10(), 1e-12);
        assertEquals(2, s.p25(), 1e-12);
        assertEquals(3, s.p50(), 1e-12);
        assertEquals(4, s.p75(), 1e-12);
        assertEquals(7.6, s.p90(), 1e-12);
        assertEquals(8.8, s.p95(), 1e-12);
        assertEquals(9.76, s.p99(), 1e-12);
        assertEquals(4, s.avg(), 1e-12);
        assertEquals(1, s.min());
        assertEquals(10, s.max());
        assertEquals(Math.sqrt(10), s.std(), 1e-12); // ddof 0: 50 / 5
        assertEquals(5, s.count());
        assertEquals(20, s.sum(), 1e-12);
        assertArrayEquals(new double[] {10, 3, 1, 4, 2}, values, "input must not be reordered");
    }

    @Test
    void evenCountInterpolatesMedian() {
        Stats s = Statistics.of(new double[] {4, 1, 3, 2, 99}, 4); // only the first 4 values count
        assertEquals(2.5, s.p50(), 1e-12);
        assertEquals(3.97, s.p99(), 1e-12); // idx 2.97
        assertEquals(Math.sqrt(1.25), s.std(), 1e-12);
    }

    @Test
    void singleValue() {
        Stats s = Statistics.of(new double[] {7.5}, 1);
        assertEquals(7.5, s.p1());
        assertEquals(7.5, s.p99());
        assertEquals(0, s.std());
    }

    @Test
    void emptyIsNull() {
        assertNull(Statistics.of(new double[0], 0));
    }

    @Test
    void statsByExportKey() {
        Stats s = Statistics.of(new double[] {1, 2, 3}, 3);
        assertEquals(2, s.get("p50"));
        assertEquals(3, s.get("count"));
        assertEquals(6, s.get("sum"));
        assertTrue(Double.isNaN(s.get("p42")));
    }
}
