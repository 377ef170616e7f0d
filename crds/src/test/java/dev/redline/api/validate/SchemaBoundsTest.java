package dev.redline.api.validate;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema's bounds hold for files and flags too: the same annotations, read by SchemaBounds. */
class SchemaBoundsTest {
    /** {@code edit}: what YAML cannot write here (NaN, infinity) is set on the parsed spec. */
    private static List<Violation> check(String yaml, java.util.function.Consumer<BenchmarkSpec> edit) {
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        edit.accept(spec);
        return SpecValidator.validate(spec);
    }

    @Test
    void maximumsMinimumsAndNaN() {
        List<Violation> v = check("""
                models: [m]
                phases: [{concurrency: 100001, requests: 10}]
                dataset: {entries: 0, prompts: {isl: {mean: 3000000}}}
                """, spec -> spec.getPhases().get(0).setRate(Double.NaN));
        assertEquals(List.of("dataset.entries", "dataset.prompts.isl.mean", "phases[0].concurrency", "phases[0].rate"),
                v.stream().map(Violation::path).toList(), v.toString());
        assertEquals("must be at most 100000, got 100001; set a value <= 100000", v.get(2).message());
        assertEquals("must be a number, got NaN", v.get(3).message());
    }

    @Test
    void anInfiniteGracePeriodMeansNoLimitButAnInfiniteDurationIsAnError() {
        List<Violation> v = check("""
                models: [m]
                phases: [{concurrency: 1, duration: 10, gracePeriod: inf}]
                """, spec -> spec.getPhases().get(0).setDuration(Double.POSITIVE_INFINITY));
        assertEquals(List.of("phases[0].duration"), v.stream().map(Violation::path).toList(), v.toString());
    }

    @Test
    void enumeratedPatternsSayTheChoices() {
        List<Violation> v = check("""
                models: [m]
                artifacts: {exportLevel: everything}
                """, spec -> { });
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).message().contains("use one of summary, records, raw"), v.get(0).message());
    }
}
