package dev.redline.plan.search;

import dev.redline.plan.Knob;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpaceTest {
    @Test
    void unitCubeRoundTripSnapsIntegersAndKeepsLogDecadesEven() {
        Knob c = new Knob("concurrency", 1, 1000, Knob.Kind.INT, Knob.Scale.LOG);
        assertEquals(1.0 / 3, c.toUnit(10), 1e-12);
        assertEquals(100, c.fromUnit(2.0 / 3), 0);
        assertEquals(32, c.fromUnit(0.5), 0, "sqrt(1000) = 31.6 snaps to 32");
        Knob r = Knob.of("rate", 0.5, 2.5, Knob.Kind.REAL);
        assertEquals(1.5, r.fromUnit(0.5), 1e-12);
        assertEquals(2.5, r.fromUnit(7), 0, "clamped");
    }

    @Test
    void integerKnobOnAFractionalRangeUsesTheIntegersInside() {
        Knob d = Knob.of("users", 1.5, 4.2, Knob.Kind.INT);
        assertEquals(2, d.min(), 0);
        assertEquals(4, d.max(), 0);
        assertEquals(3, d.cardinality());
    }

    @Test
    void valuesByPathAreIntegersForIntegerKnobs() {
        SearchSpace s = SearchSpace.of(Knob.of("phases.profiling.concurrency", 1, 64, Knob.Kind.INT),
                Knob.of("phases.profiling.rate", 1, 10, Knob.Kind.REAL));
        Map<String, Number> m = s.valuesByPath(new double[] {8, 2.5});
        assertEquals(8L, m.get("phases.profiling.concurrency"));
        assertEquals(2.5, m.get("phases.profiling.rate"));
        assertArrayEquals(new double[] {8, 2.5}, s.valuesOf(m), 0);
        assertEquals(Long.MAX_VALUE, s.cardinality());
    }

    @Test
    void badRangesAreRefusedWithTheKnobNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Knob.of("concurrency", 10, 10, Knob.Kind.INT));
        assertTrue(e.getMessage().contains("concurrency") && e.getMessage().contains("lo (10.0) must be < hi"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Knob.of("x", Double.NaN, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new Knob("x", 0, 1, null, Knob.Scale.LOG));
        assertThrows(IllegalArgumentException.class, () -> Knob.of("x", 1.2, 1.8, Knob.Kind.INT));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.of(Knob.of("x", 0, 1, null), Knob.of("x", 0, 2, null)));
    }
}
