package dev.redline.plan;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.SamplingDimension;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.api.v1alpha1.SweepType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingPlannerTest {
    static SamplingDimension range(String path, double lo, double hi, String scale, String kind) {
        SamplingDimension d = new SamplingDimension();
        d.setPath(path);
        d.setLo(lo);
        d.setHi(hi);
        d.setScale(scale);
        d.setKind(kind);
        return d;
    }

    static SweepSpec sampling(SweepType type, int n, SamplingDimension... dims) {
        SweepSpec s = new SweepSpec();
        s.setType(type);
        s.setSamples(n);
        s.setSeed(3L);
        s.setDimensions(List.of(dims));
        return s;
    }

    @Test
    void latinHypercubeHitsEveryStratumOnceAndStaysInRange() {
        SweepSpec s = sampling(SweepType.LATIN_HYPERCUBE, 10, range("rate", 1, 11, null, null),
                range("concurrency", 1, 64, "log", "int"));
        SweepPlan plan = SweepPlanner.plan(SweepPlannerTest.base(), s, null, "sweep");
        assertEquals(10, plan.size());
        Set<Integer> strata = new HashSet<>();
        for (Variation v : plan.variations()) {
            double rate = (Double) v.values().get("phases.profiling.rate");
            assertTrue(rate >= 1 && rate < 11);
            strata.add((int) Math.floor(rate - 1));
            long c = (Long) v.values().get("phases.profiling.concurrency");
            assertTrue(c >= 1 && c <= 64, "int values clamp into [lo, hi]");
            assertEquals(c, v.spec().getPhases().get(1).getConcurrency().longValue());
        }
        assertEquals(10, strata.size(), "one sample in each tenth of the range");
        assertEquals("latin_hypercube_0003", plan.variations().get(3).label());
        assertEquals(plan.variations().stream().map(Variation::values).toList(),
                SweepPlanner.plan(SweepPlannerTest.base(), s, null, "sweep").variations().stream().map(Variation::values).toList(),
                "seeded: the same spec plans the same cells");
        assertEquals(10, plan.samplingDesign().get("samples_mapped").size());
        assertEquals("log", plan.samplingDesign().at("/dimensions/1/scale").asText());
    }

    @Test
    void unscrambledSobolStartsAtTheOriginAndChoicesPickValues() {
        SamplingDimension choices = new SamplingDimension();
        choices.setPath("isl");
        choices.setChoices(List.of(128, 512, 2048));
        SweepSpec s = sampling(SweepType.SOBOL, 8, range("rate", 2, 10, null, null), choices);
        s.setScramble(false);
        s.setLabelFormat("kv");
        SweepPlan plan = SweepPlanner.plan(SweepPlannerTest.base(), s, null, "sweep");
        assertEquals(2.0, plan.variations().get(0).values().get("phases.profiling.rate"));
        assertEquals(128, plan.variations().get(0).values().get("dataset.prompts.isl.mean"));
        assertEquals(6.0, plan.variations().get(1).values().get("phases.profiling.rate"), "the second Sobol point is 0.5");
        assertEquals("phases.profiling.rate=6.0, dataset.prompts.isl.mean=512", plan.variations().get(1).label());
        Set<Object> seen = new HashSet<>();
        plan.variations().forEach(v -> seen.add(v.values().get("dataset.prompts.isl.mean")));
        assertEquals(Set.of(128, 512, 2048), seen);
        s.setScramble(true);
        assertTrue(SweepPlanner.plan(SweepPlannerTest.base(), s, null, "sweep").variations().stream()
                .noneMatch(v -> v.values().get("phases.profiling.rate").equals(2.0)), "scrambled: shifted off the origin");
    }

    @Test
    void badDimensionsNameTheField() {
        assertEquals("sweep.dimensions[0].lo: a log scale needs lo > 0, got 0.0",
                message(sampling(SweepType.SOBOL, 4, range("rate", 0, 10, "log", null))));
        assertEquals("sweep.dimensions[0].hi: must be greater than lo (5.0), got 5.0",
                message(sampling(SweepType.SOBOL, 4, range("rate", 5, 5, null, null))));
        assertEquals("sweep.samples: 1 is out of range; give 2..1048576",
                message(sampling(SweepType.LATIN_HYPERCUBE, 1, range("rate", 1, 5, null, null))));
        assertEquals("sweep.dimensions[0]: lo and hi must be finite numbers",
                message(sampling(SweepType.LATIN_HYPERCUBE, 4, range("rate", 1, Double.POSITIVE_INFINITY, null, null))));
        assertTrue(message(sampling(SweepType.SOBOL, 4, range("phases.profiling.rat", 1, 5, null, null))).contains("did you mean 'rate'?"));
    }

    private static String message(SweepSpec s) {
        return assertThrows(SpecException.class, () -> SweepPlanner.plan(SweepPlannerTest.base(), s, null, "sweep")).getMessage();
    }
}
