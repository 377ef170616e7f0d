package dev.redline.operator.children;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.operator.OperatorSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeadlinePlannerTest {
    private static final OperatorSettings SETTINGS = new OperatorSettings("img", 300, 3600, 30);

    private static PhaseSpec phase(Double duration, Integer requests, Double rate, Double grace) {
        PhaseSpec p = new PhaseSpec();
        p.setDuration(duration);
        p.setRequests(requests);
        p.setRate(rate);
        p.setGracePeriod(grace);
        return p;
    }

    @Test
    void sumsPhasesWithGraceThenAddsTenPercentAndTheMargin() {
        BenchmarkSpec spec = new BenchmarkSpec();
        PhaseSpec warmup = phase(null, 100, 10.0, 5.0); // 10 s + 5 s
        warmup.setKind(PhaseKind.WARMUP);
        spec.setPhases(List.of(warmup, phase(120.0, null, null, null))); // 120 s + 30 s default grace
        assertEquals(182 + 300, DeadlinePlanner.deadlineSeconds(spec, SETTINGS));
    }

    @Test
    void countOnlyPhaseAndMissingPhasesGetTheAllowance() {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setPhases(List.of(phase(null, 500, null, null)));
        assertEquals(3960 + 300, DeadlinePlanner.deadlineSeconds(spec, SETTINGS));
        assertEquals(3960 + 300, DeadlinePlanner.deadlineSeconds(new BenchmarkSpec(), SETTINGS));
    }

    @Test
    void infiniteGraceIsBounded() {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setPhases(List.of(phase(60.0, null, null, Double.POSITIVE_INFINITY)));
        assertEquals(4026 + 300, DeadlinePlanner.deadlineSeconds(spec, SETTINGS));
    }
}
