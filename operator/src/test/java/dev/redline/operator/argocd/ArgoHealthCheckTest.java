package dev.redline.operator.argocd;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.redline.operator.status.Conditions.FALSE;
import static dev.redline.operator.status.Conditions.TRUE;
import static dev.redline.operator.status.Conditions.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Argo CD health check, evaluated by a Lua engine over Benchmarks in each state the operator reports.
 * (BenchmarkGateIT evaluates it over the objects a real apiserver returns.) docs/operator.md must show it verbatim.
 */
class ArgoHealthCheckTest {
    private static Benchmark bm(long generation, Long observed, Object... conditions) {
        Benchmark b = new Benchmark();
        b.setMetadata(new ObjectMetaBuilder().withName("x").withNamespace("ns").withGeneration(generation).build());
        BenchmarkStatus s = new BenchmarkStatus();
        s.setObservedGeneration(observed);
        Conditions c = new Conditions(null, generation, "2026-01-01T00:00:00Z");
        for (int i = 0; i < conditions.length; i += 4) {
            c.set((ConditionType) conditions[i], (String) conditions[i + 1], (ConditionReason) conditions[i + 2], (String) conditions[i + 3]);
        }
        s.setConditions(c.list());
        b.setStatus(s);
        return b;
    }

    private static Object[] complete() {
        return new Object[] {ConditionType.Accepted, TRUE, ConditionReason.SpecValid, "spec is valid",
                ConditionType.Running, FALSE, ConditionReason.RunnersFinished, "all 1 runners exited successfully",
                ConditionType.Complete, TRUE, ConditionReason.ResultsPublished, "40 requests, 12.5 req/s",
                ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure"};
    }

    private static Object[] plus(Object[] a, Object... b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void eachStateMapsToArgoHealth() {
        assertEquals("Progressing", ArgoHealth.of(bm(2, 1L, complete())).status(), "a spec the operator has not seen yet");
        assertEquals(new ArgoHealth.Health("Healthy", "40 requests, 12.5 req/s"), ArgoHealth.of(bm(1, 1L, complete())));
        assertEquals("Progressing", ArgoHealth.of(bm(1, 1L, ConditionType.Accepted, TRUE, ConditionReason.SpecValid, "ok",
                ConditionType.Running, TRUE, ConditionReason.RunnersActive, "2 of 2 runners running",
                ConditionType.Complete, FALSE, ConditionReason.InProgress, "benchmark running")).status());
        ArgoHealth.Health invalid = ArgoHealth.of(bm(1, 1L, ConditionType.Accepted, FALSE, ConditionReason.SpecInvalid,
                "spec.regression.metrics[0]: unknown per-request metric"));
        assertEquals("Degraded", invalid.status());
        assertTrue(invalid.message().contains("spec.regression.metrics[0]"), invalid.message());
        assertEquals("Degraded", ArgoHealth.of(bm(1, 1L, ConditionType.Accepted, TRUE, ConditionReason.SpecValid, "ok",
                ConditionType.Failed, TRUE, ConditionReason.RunnerFailed, "runner 1 died")).status());
        assertEquals("Degraded", ArgoHealth.of(bm(1, 1L, plus(complete(),
                ConditionType.SLOMet, FALSE, ConditionReason.SLOsViolated, "violated: ttft"))).status());
        ArgoHealth.Health regressed = ArgoHealth.of(bm(1, 1L, plus(complete(),
                ConditionType.Regressed, TRUE, ConditionReason.RegressionDetected, "1 of 1 figures regressed")));
        assertEquals(new ArgoHealth.Health("Degraded", "regressed: 1 of 1 figures regressed"), regressed);
        assertEquals("Progressing", ArgoHealth.of(bm(1, 1L, plus(complete(),
                ConditionType.Regressed, UNKNOWN, ConditionReason.AwaitingBaseline, "baseline running"))).status());
        assertEquals("Degraded", ArgoHealth.of(bm(1, 1L, plus(complete(),
                ConditionType.Regressed, UNKNOWN, ConditionReason.BaselineMissing, "spec.baselineRef.benchmark: not found"))).status());
        assertEquals("Healthy", ArgoHealth.of(bm(1, 1L, plus(complete(),
                ConditionType.Regressed, UNKNOWN, ConditionReason.NoEarlierRun, "first run"))).status());
        ArgoHealth.Health saturated = ArgoHealth.of(bm(1, 1L, plus(complete(),
                ConditionType.Regressed, FALSE, ConditionReason.NoRegression, "no regression",
                ConditionType.ClientSaturated, TRUE, ConditionReason.ClientBound, "send lag p99 14 ms > 10 ms")));
        assertEquals("Healthy", saturated.status());
        assertTrue(saturated.message().endsWith("; warning: send lag p99 14 ms > 10 ms"), saturated.message());
        assertEquals("Progressing", ArgoHealth.of(new Benchmark()).status(), "no status at all");
    }

    @Test
    void theDocsShowTheScriptThatIsTested() throws Exception {
        String doc = Files.readString(ArgoHealth.SCRIPT.getParent().getParent().getParent().resolve("docs/operator.md"));
        String indented = ArgoHealth.script().lines().map(l -> l.isEmpty() ? "" : "    " + l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertTrue(doc.contains(indented), "docs/operator.md must contain config/argocd/benchmark-health.lua, indented by 4 in the argocd-cm example");
        assertTrue(Files.exists(Path.of("..").resolve("config/argocd/benchmark-health.lua")));
    }
}
