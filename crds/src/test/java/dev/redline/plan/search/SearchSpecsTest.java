package dev.redline.plan.search;

import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.plan.Knob;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpecsTest {
    private static AdaptiveSearchSpec yaml(String text) {
        return SpecReader.read(text, "search.yaml", AdaptiveSearchSpec.class);
    }

    private static final String BASE = """
            planner: bayesian
            search_space:
              - {path: concurrency, lo: 1, hi: 256, prior: log-uniform}
              - {path: phases.profiling.rate, lo: 0.5, hi: 20}
            objectives:
              - {metric: output_token_throughput, direction: maximize}
              - {metric: time_to_first_token, stat: p99, direction: minimize}
            sla_filters:
              - {metric_tag: time_to_first_token, stat: p95, op: lt, threshold: 200}
            max_iterations: 40
            n_initial_points: 6
            random_seed: 7
            """;

    @Test
    void aipersSnakeCaseYamlResolvesToTheProblem() {
        SearchSpecs.Resolved r = SearchSpecs.resolve(yaml(BASE), true, SearchFieldNames.under("sweep"));
        SearchProblem p = r.problem();
        assertEquals("phases.profiling.concurrency", p.space().get(0).path());
        assertEquals(Knob.Kind.INT, p.space().get(0).kind(), "short integer knobs default to int");
        assertEquals(Knob.Scale.LOG, p.space().get(0).scale());
        assertEquals(Knob.Kind.REAL, p.space().get(1).kind());
        assertEquals(2, p.objectives().size());
        assertEquals(Direction.MINIMIZE, p.objectives().get(1).direction());
        assertEquals("p95", p.slaFilters().get(0).stat());
        assertEquals(40, p.stopping().maxIterations());
        assertEquals(6, p.initialPoints());
        assertEquals(7, p.seed());
        assertInstanceOf(BayesianPlanner.class, r.planner());
        assertTrue(r.notices().isEmpty());
    }

    private static String error(String text, boolean streaming, SearchFieldNames names) {
        return assertThrows(SpecException.class, () -> SearchSpecs.resolve(yaml(text), streaming, names)).getMessage();
    }

    @Test
    void badInputIsOneLineNamingTheFieldOrFlag() {
        String lohi = BASE.replace("lo: 1, hi: 256", "lo: 300, hi: 256");
        assertEquals("sweep.searchSpace[0]: lo (300) must be < hi (256) for concurrency", error(lohi, true, SearchFieldNames.under("sweep")));
        assertEquals("--search-space #1: lo (300) must be < hi (256) for concurrency", error(lohi, true, SearchFieldNames.cliFlags()));

        String tag = BASE.replace("metric: output_token_throughput", "metric: output_token_thruput");
        assertTrue(error(tag, true, SearchFieldNames.cliFlags()).startsWith(
                "--search-metric: unknown metric tag 'output_token_thruput' (did you mean 'output_token_throughput'?)"));
        String stat = BASE.replace("stat: p99, direction", "stat: p42, direction");
        assertTrue(error(stat, true, SearchFieldNames.cliFlags()).startsWith("--search-stat: unknown stat 'p42'"));
        String op = BASE.replace("op: lt", "op: ne");
        assertEquals("--search-sla #1: op must be lt, le, gt or ge, got 'ne'", error(op, true, SearchFieldNames.cliFlags()));
        assertTrue(error(BASE, false, SearchFieldNames.cliFlags()).contains("time_to_first_token is measured only on streamed responses; add --streaming"));
        String initial = BASE.replace("n_initial_points: 6", "n_initial_points: 40");
        assertTrue(error(initial, true, SearchFieldNames.cliFlags()).startsWith("--search-initial-points: 40 must be < --search-max-iterations (40)"));
        String iters = BASE.replace("max_iterations: 40", "max_iterations: 201");
        assertEquals("sweep.maxIterations: must be in 2..200, got 201", error(iters, true, SearchFieldNames.under("sweep")));
        for (String e : new String[] {error(lohi, true, SearchFieldNames.cliFlags()), error(op, true, SearchFieldNames.cliFlags())}) {
            assertTrue(!e.contains("\n"), "one line");
        }
    }

    @Test
    void slaPlannersNeedOneKnobAndAnSla() {
        String mono = BASE.replace("planner: bayesian", "planner: monotonic_sla");
        String e = error(mono, true, SearchFieldNames.cliFlags());
        assertTrue(e.startsWith("--search-planner: monotonic_sla searches exactly one knob, got 2"), e);
    }

    @Test
    void optunaOptionsAreMappedWithANoticeOrRefused() {
        String optuna = BASE.replace("planner: bayesian", "planner: optuna\noptuna_sampler: tpe\noptuna_acquisition: qlognehvi");
        SearchSpecs.Resolved r = SearchSpecs.resolve(yaml(optuna), true, SearchFieldNames.cliFlags());
        assertInstanceOf(BayesianPlanner.class, r.planner());
        assertEquals(3, r.notices().size(), r.notices().toString());
        assertTrue(r.notices().get(2).contains("Pareto search"));
        String single = optuna.replace("qlognehvi", "qlogei");
        assertTrue(error(single, true, SearchFieldNames.cliFlags()).startsWith("--optuna-acquisition: qlogei is single-objective but 2 objectives"));
        String regret = BASE + "optuna_terminator: regret\n";
        assertTrue(error(regret, true, SearchFieldNames.cliFlags()).startsWith("--optuna-terminator: regret (posterior-regret stopping) is not implemented"));
    }

    @Test
    void pooledNeedsAPercentileObjective() {
        String pooled = BASE.replace("  - {metric: time_to_first_token, stat: p99, direction: minimize}\n", "")
                + "objective_pooling: pooled\n";
        assertTrue(error(pooled, true, SearchFieldNames.cliFlags()).startsWith("--search-percentile-pooling: pooled needs a percentile objective"));
    }

    @Test
    void unknownYamlKeysAreRefusedByTheReader() {
        var e = assertThrows(SpecException.class, () -> yaml(BASE + "max_iteration: 3\n"));
        assertTrue(e.getMessage().contains("max_iteration: unknown key (did you mean 'maxIterations'?)"), e.getMessage());
    }
}
