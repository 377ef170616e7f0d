package dev.redline.operator.gate;

import dev.redline.api.v1alpha1.BaselineRef;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.RegressionSpec;
import dev.redline.api.v1alpha1.RunRecord;
import dev.redline.compare.Verdict;
import dev.redline.operator.runs.RunHistory;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's side of the gate: which baseline, what the condition says, figures computed once per inputs. */
class RegressionGateTest {
    private final Map<String, ConfigMap> configMaps = new HashMap<>();
    private final Map<String, Benchmark> benchmarks = new HashMap<>();
    private final RegressionGate gate = new RegressionGate((ns, n) -> configMaps.get(n), (ns, n) -> benchmarks.get(n));

    /** samples.json of {@code n} TTFT values around {@code ms}. */
    private static ConfigMap results(String name, double ms, int seed) {
        Random r = new Random(seed);
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < 200; i++) v.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", ms * (0.9 + 0.2 * r.nextDouble())));
        String json = "{\"metrics\":{\"time_to_first_token\":{\"unit\":\"ms\",\"count\":200,\"values\":[" + v + "]}}}";
        return new ConfigMapBuilder().withMetadata(new ObjectMetaBuilder().withName(name).withUid("uid-" + name).withResourceVersion("7").build())
                .withData(Map.of("samples.json", json)).build();
    }

    private static Benchmark gated(BaselineRef ref, int run, BenchmarkPhase phase) {
        Benchmark bm = new Benchmark();
        bm.setMetadata(new ObjectMetaBuilder().withName("gated").withNamespace("ns").withGeneration(3L).build());
        BenchmarkResourceSpec spec = new BenchmarkResourceSpec();
        spec.setBaselineRef(ref);
        RegressionSpec settings = new RegressionSpec();
        settings.setMetrics(List.of("time_to_first_token:p50"));
        spec.setRegression(settings);
        bm.setSpec(spec);
        BenchmarkStatus s = new BenchmarkStatus();
        s.setRun(run);
        s.setPhase(phase);
        bm.setStatus(s);
        return bm;
    }

    private static Benchmark other(String name, BenchmarkPhase phase) {
        Benchmark b = new Benchmark();
        b.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        BenchmarkStatus s = new BenchmarkStatus();
        s.setRun(4);
        s.setPhase(phase);
        s.setResultsConfigMap(name + "-results");
        b.setStatus(s);
        return b;
    }

    private Condition judge(Benchmark bm, BenchmarkStatus before, ConfigMap own, Duration expectRecheck) {
        BenchmarkStatus after = bm.getStatus();
        assertEquals(expectRecheck, gate.evaluate(bm, before, after, own, "2026-01-01T00:00:00Z"));
        return after.condition(ConditionType.Regressed);
    }

    @Test
    void aSlowerRunRegressesAgainstAnotherBenchmarksCurrentRunAndTheFiguresAreKeptUntilTheInputsChange() {
        benchmarks.put("nightly", other("nightly", BenchmarkPhase.Complete));
        configMaps.put("nightly-results", results("nightly-results", 20, 1));
        Benchmark bm = gated(new BaselineRef("nightly", null, null), 2, BenchmarkPhase.Complete);
        ConfigMap own = results("gated-results", 40, 2);
        Condition c = judge(bm, null, own, null);
        assertEquals(List.of("True", ConditionReason.RegressionDetected.name()), List.of(c.getStatus(), c.getReason()));
        assertTrue(c.getMessage().startsWith("against Benchmark nightly run 4: 1 of 1 figures regressed"), c.getMessage());
        var figures = bm.getStatus().getRegression();
        assertEquals(List.of("Benchmark nightly run 4", "nightly-results", 2, "Regressed"),
                List.of(figures.getBaseline(), figures.getBaselineResultsConfigMap(), figures.getRun(), figures.getOutcome()));
        assertEquals(Verdict.Regressed, figures.getMetrics().get(0).getVerdict());
        assertEquals(100, figures.getMetrics().get(0).getChangePercent(), 15);

        // the next reconcile: same inputs, so the same figures (not recomputed) and the same condition
        Benchmark again = gated(new BaselineRef("nightly", null, null), 2, BenchmarkPhase.Complete);
        judge(again, bm.getStatus(), own, null);
        assertSame(figures, again.getStatus().getRegression());
        assertEquals(c, again.getStatus().condition(ConditionType.Regressed));

        // the baseline ran again and is now as slow: a new verdict
        configMaps.put("nightly-results", new ConfigMapBuilder(results("nightly-results", 40, 3)).editMetadata().withResourceVersion("8").endMetadata().build());
        Benchmark third = gated(new BaselineRef("nightly", null, null), 2, BenchmarkPhase.Complete);
        assertEquals("False", judge(third, again.getStatus(), own, null).getStatus());
    }

    @Test
    void whatIsMissingIsNamedAndLookedForAgainWhenItMayAppear() {
        Condition missing = judge(gated(new BaselineRef("nope", null, null), 1, BenchmarkPhase.Complete), null, null, RegressionGate.RECHECK);
        assertEquals(ConditionReason.BaselineMissing.name(), missing.getReason());
        assertEquals("spec.baselineRef.benchmark: Benchmark nope not found in namespace ns", missing.getMessage());

        benchmarks.put("running", other("running", BenchmarkPhase.Running));
        assertEquals(ConditionReason.AwaitingBaseline.name(),
                judge(gated(new BaselineRef("running", null, null), 1, BenchmarkPhase.Complete), null, null, RegressionGate.RECHECK).getReason());

        Condition cm = judge(gated(new BaselineRef(null, null, "saved"), 1, BenchmarkPhase.Complete), null, null, RegressionGate.RECHECK);
        assertTrue(cm.getMessage().startsWith("spec.baselineRef.configMap: ConfigMap saved not found"), cm.getMessage());

        Condition first = judge(gated(new BaselineRef("gated", null, null), 1, BenchmarkPhase.Complete), null, null, null);
        assertEquals(ConditionReason.NoEarlierRun.name(), first.getReason());

        Benchmark history = other("past", BenchmarkPhase.Complete);
        RunRecord failed = new RunRecord();
        failed.setRun(2);
        failed.setPhase("Failed");
        history.getStatus().setHistory(RunHistory.append(null, failed));
        benchmarks.put("past", history);
        Condition notABaseline = judge(gated(new BaselineRef("past", 2, null), 1, BenchmarkPhase.Complete), null, null, null);
        assertEquals("spec.baselineRef.run: Benchmark past run 2 ended Failed, not Complete: it is no baseline", notABaseline.getMessage());
        Condition noSuchRun = judge(gated(new BaselineRef("past", 9, null), 1, BenchmarkPhase.Complete), null, null, RegressionGate.RECHECK);
        assertTrue(noSuchRun.getMessage().startsWith("spec.baselineRef.run: Benchmark past has no run 9"), noSuchRun.getMessage());

        configMaps.put("empty", new ConfigMapBuilder().withNewMetadata().withName("empty").endMetadata().withData(Map.of()).build());
        Condition noSamples = judge(gated(new BaselineRef(null, null, "empty"), 1, BenchmarkPhase.Complete), null,
                results("gated-results", 40, 4), null);
        assertEquals(ConditionReason.SamplesMissing.name(), noSamples.getReason());
    }

    @Test
    void onlyACompleteRunIsJudgedAndNoBaselineMeansNoCondition() {
        assertEquals(ConditionReason.AwaitingResults.name(),
                judge(gated(new BaselineRef("x", null, null), 1, BenchmarkPhase.Running), null, null, null).getReason());
        assertEquals(ConditionReason.RunNotComplete.name(),
                judge(gated(new BaselineRef("x", null, null), 1, BenchmarkPhase.Failed), null, null, null).getReason());
        Benchmark plain = gated(null, 1, BenchmarkPhase.Complete);
        plain.getSpec().setRegression(null);
        assertNull(judge(plain, null, null, null));
        assertNull(plain.getStatus().getRegression());
    }
}
