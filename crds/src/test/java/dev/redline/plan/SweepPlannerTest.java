package dev.redline.plan;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.IterationOrder;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.api.v1alpha1.SweepType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPlannerTest {
    static BenchmarkSpec base() {
        BenchmarkSpec b = new BenchmarkSpec();
        b.setModels(List.of("m"));
        b.endpoint().setUrl("http://127.0.0.1:8000");
        PhaseSpec warm = new PhaseSpec();
        warm.setKind(PhaseKind.WARMUP);
        warm.setRequests(5);
        PhaseSpec prof = new PhaseSpec();
        prof.setConcurrency(4);
        prof.setRequests(100);
        b.setPhases(new java.util.ArrayList<>(List.of(warm, prof)));
        return b;
    }

    static SweepSpec grid(Map<String, List<Object>> params) {
        SweepSpec s = new SweepSpec();
        s.setParameters(params);
        return s;
    }

    @Test
    void gridIsTheCartesianProductInAiperfsOrderWithLabelsDirsAndSeeds() {
        Map<String, List<Object>> p = new LinkedHashMap<>();
        p.put("concurrency", List.of(1, 8));
        p.put("dataset.prompts.isl.mean", List.of(128, 512));
        SweepPlan plan = SweepPlanner.plan(base(), grid(p), 42L, "sweep");
        assertEquals(SweepType.GRID, plan.type());
        assertEquals(List.of("phases.profiling.concurrency=1, dataset.prompts.isl.mean=128",
                "phases.profiling.concurrency=1, dataset.prompts.isl.mean=512",
                "phases.profiling.concurrency=8, dataset.prompts.isl.mean=128",
                "phases.profiling.concurrency=8, dataset.prompts.isl.mean=512"),
                plan.variations().stream().map(Variation::label).toList());
        assertEquals(List.of("concurrency_1__isl_128", "concurrency_1__isl_512", "concurrency_8__isl_128", "concurrency_8__isl_512"),
                plan.variations().stream().map(Variation::dirName).toList());
        Variation last = plan.variations().get(3);
        assertEquals(8, last.spec().getPhases().get(1).getConcurrency());
        assertEquals(5, last.spec().getPhases().get(0).getRequests(), "the warmup phase is untouched");
        assertEquals(512, last.spec().getDataset().getPrompts().getIsl().getMean());
        assertEquals(List.of(42L, 43L, 44L, 45L), plan.variations().stream().map(v -> v.spec().getRandomSeed()).toList());
        assertEquals(List.of("concurrency", "isl"), plan.parameters().stream().map(SweepParameter::name).toList());
        assertEquals(List.of(1, 8), plan.parameters().get(0).values());
    }

    @Test
    void sameSeedKeepsTheBaseSeedAndNoSeedStaysUnset() {
        SweepSpec s = grid(Map.of("rate", List.of(1.0, 2.5)));
        s.setSameSeed(true);
        assertEquals(List.of(7L, 7L), SweepPlanner.plan(base(), s, 7L, "sweep").variations().stream().map(v -> v.spec().getRandomSeed()).toList());
        SweepPlan unseeded = SweepPlanner.plan(base(), grid(Map.of("rate", List.of(1.0, 2.5))), null, "sweep");
        assertNull(unseeded.variations().get(1).spec().getRandomSeed());
        assertEquals("rate_2.5", unseeded.variations().get(1).dirName());
        assertEquals("rate_1.0", unseeded.variations().get(0).dirName(), "Python's str of a float");
    }

    @Test
    void zipPairsValuesAndRejectsUnequalLengths() {
        Map<String, List<Object>> p = new LinkedHashMap<>();
        p.put("isl", List.of(128, 1024));
        p.put("osl", List.of(64, 256));
        SweepSpec s = grid(p);
        s.setType(SweepType.ZIP);
        SweepPlan plan = SweepPlanner.plan(base(), s, null, "sweep");
        assertEquals(List.of("isl_128__osl_64", "isl_1024__osl_256"), plan.variations().stream().map(Variation::dirName).toList());
        p.put("osl", List.of(64, 256, 512));
        SpecException e = assertThrows(SpecException.class, () -> SweepPlanner.plan(base(), s, null, "sweep"));
        assertEquals("sweep.parameters: a zip sweep needs lists of equal length, got isl=2, osl=3; give every list the same number of values (or use type: grid)", e.getMessage());
    }

    @Test
    void scenariosDeepMergePartialBenchmarks() {
        SweepSpec s = new SweepSpec();
        s.setType(SweepType.SCENARIOS);
        s.setRuns(List.of(
                Map.of("name", "long-prompts", "benchmark", Map.of("dataset", Map.of("prompts", Map.of("isl", 2048)),
                        "phases", Map.of("profiling", Map.of("concurrency", 2)))),
                Map.of("name", "busy", "concurrency", 64, "request_count", 50)));
        SpecException bad = assertThrows(SpecException.class, () -> SweepPlanner.plan(base(), s, null, "sweep"));
        assertTrue(bad.getMessage().startsWith("sweep.runs[1]: 'request_count' names no field: the benchmark has no 'request_count'"), bad.getMessage());
        s.setRuns(List.of(s.getRuns().get(0), Map.of("name", "busy", "concurrency", 64, "requests", 50)));
        SweepPlan plan = SweepPlanner.plan(base(), s, 1L, "sweep");
        Variation a = plan.variations().get(0);
        assertEquals("long-prompts", a.label());
        assertEquals("long-prompts", a.dirName(), "nested overrides: the label names the directory");
        assertEquals(2048, a.spec().getDataset().getPrompts().getIsl().getMean());
        assertEquals(2, a.spec().getPhases().get(1).getConcurrency());
        assertEquals(100, a.spec().getPhases().get(1).getRequests(), "fields not overridden stay");
        assertEquals(List.of("m"), a.spec().getModels());
        Variation b = plan.variations().get(1);
        assertEquals(Map.of("phases.profiling.concurrency", 64, "phases.profiling.requests", 50), b.values());
        assertEquals(64, b.spec().getPhases().get(1).getConcurrency());
    }

    @Test
    void scenarioNamesAreUniqueAndUsableAsDirectories() {
        SweepSpec s = new SweepSpec();
        s.setType(SweepType.SCENARIOS);
        s.setRuns(List.of(Map.of("name", "a", "concurrency", 1), Map.of("name", "a", "concurrency", 2)));
        assertEquals("sweep.runs[1].name: 'a' is used twice; give each run its own name",
                assertThrows(SpecException.class, () -> SweepPlanner.plan(base(), s, null, "sweep")).getMessage());
        s.setRuns(List.of(Map.of("name", "../up", "concurrency", 1)));
        assertTrue(assertThrows(SpecException.class, () -> SweepPlanner.plan(base(), s, null, "sweep")).getMessage().contains("cannot be a directory name"));
    }

    @Test
    void badInputNamesTheFieldAndTheFix() {
        assertEquals("sweep.parameters: 'phases.profiling.concurency' names no field: phases.profiling has no 'concurency' (did you mean 'concurrency'?); fields there: name, kind, type, concurrency, prefill_concurrency, rate, rate_series, smoothness, requests, sessions, duration, grace_period, concurrency_ramp, prefill_ramp, rate_ramp, exclude_from_results, cancellation, failed_request_threshold, fixed_schedule, users",
                message(grid(Map.of("phases.profiling.concurency", List.of(1)))));
        assertEquals("sweep.parameters.concurrency: the value list is empty; give at least one value",
                message(grid(Map.of("concurrency", List.of()))));
        assertEquals("sweep.parameters.rate: NaN is not a finite number; give finite values",
                message(grid(Map.of("rate", List.of(1.0, Double.NaN)))));
        assertTrue(message(grid(Map.of("concurrency", List.of(0)))).startsWith("sweep: variation 0 (phases.profiling.concurrency=0): phases[1].concurrency"));
        assertTrue(message(grid(Map.of("concurrency", List.of("many")))).contains("phases[1].concurrency: 'many' is not a valid whole number"));
        SweepSpec s = grid(Map.of("concurrency", List.of(1)));
        s.setSamples(4);
        assertEquals("sweep.samples: not used by a grid sweep (only sobol and latin_hypercube); remove it or change sweep.type", message(s));
        assertEquals("sweep.parameters: there is no phase named 'cooldown'; phases: warmup, profiling", message(grid(Map.of("phases.cooldown.rate", List.of(1.0)))));
    }

    private static String message(SweepSpec s) {
        return assertThrows(SpecException.class, () -> SweepPlanner.plan(base(), s, null, "sweep")).getMessage();
    }

    @Test
    void noSweepIsOneBaseVariation() {
        SweepPlan plan = SweepPlanner.plan(base(), null, null, "sweep");
        assertFalse(plan.isSweep());
        assertEquals(1, plan.size());
        assertEquals("base", plan.variations().get(0).label());
        assertEquals("base", plan.variations().get(0).dirName());
    }

    @Test
    void experimentRunsInRepeatedOrIndependentOrderWithTrialSeedsAndWarmupOnlyFirst() {
        MultiRunSpec mr = new MultiRunSpec();
        mr.setNumRuns(2);
        SweepSpec s = grid(Map.of("concurrency", List.of(1, 2)));
        ExperimentPlan plan = ExperimentPlan.of(base(), s, mr, null, "");
        assertEquals(42L, plan.baseSeed(), "AIPerf's consistent seed");
        assertEquals(List.of("0/0", "1/0", "0/1", "1/1"), plan.runs().stream().map(r -> r.variation().index() + "/" + r.trial()).toList());
        assertEquals(2, plan.runs().get(0).spec().getPhases().size());
        assertEquals(1, plan.runs().get(2).spec().getPhases().size(), "no warmup after the first trial");
        assertEquals(43L, plan.runs().get(3).spec().getRandomSeed(), "trials share their variation's seed");
        s.setIterationOrder(IterationOrder.INDEPENDENT);
        mr.setVarySeedPerTrial(true);
        mr.setDisableWarmupAfterFirst(false);
        ExperimentPlan independent = ExperimentPlan.of(base(), s, mr, 7L, "");
        assertEquals(List.of("0/0", "0/1", "1/0", "1/1"), independent.runs().stream().map(r -> r.variation().index() + "/" + r.trial()).toList());
        assertEquals(991469902966614548L, Seeds.derive(7, "phases.profiling.concurrency=8"), "SHA-256 as AIPerf");
        assertEquals(Seeds.derive(7, "phases.profiling.concurrency=1:trial:1"), independent.runs().get(1).spec().getRandomSeed());
        assertEquals(2, independent.runs().get(1).spec().getPhases().size());
        assertEquals(4337237111802998792L, Seeds.derive(42, "base:trial:1"));
    }

    @Test
    void multiRunBoundsAreChecked() {
        MultiRunSpec mr = new MultiRunSpec();
        mr.setNumRuns(0);
        assertEquals("multi_run.numRuns: 0 is out of range; give 1..10",
                assertThrows(SpecException.class, () -> ExperimentPlan.of(base(), null, mr, null, "")).getMessage());
        mr.setNumRuns(3);
        mr.setConfidenceLevel(1.0);
        assertTrue(assertThrows(SpecException.class, () -> ExperimentPlan.of(base(), null, mr, null, "")).getMessage()
                .startsWith("multi_run.confidenceLevel: 1.0 is not in (0, 1)"));
    }

    @Test
    void envelopeFileExpandsLikeTheModel() {
        ConfigEnvelope env = ConfigEnvelope.read("""
                schema_version: "2.0"
                random_seed: 5
                benchmark:
                  models: [m]
                  endpoint: {url: "http://127.0.0.1:8000"}
                  phases: [{concurrency: 1, requests: 10}]
                sweep:
                  type: grid
                  parameters:
                    concurrency: [1, 2, 4]
                multi_run:
                  num_runs: 2
                  confidence_level: 0.9
                """, "test.yaml");
        ExperimentPlan plan = ExperimentPlan.of(env);
        assertEquals(3, plan.variations().size());
        assertEquals(6, plan.runs().size());
        assertEquals(0.9, plan.multiRun().resolvedConfidenceLevel());
        assertEquals(List.of(5L, 6L, 7L), plan.variations().stream().map(v -> v.spec().getRandomSeed()).toList());
    }
}
