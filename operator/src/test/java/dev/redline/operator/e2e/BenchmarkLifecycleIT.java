package dev.redline.operator.e2e;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.operator.realcluster.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Benchmarks end to end on a real control plane: operator, Job controller, runner processes, mock server. */
class BenchmarkLifecycleIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();

    private Benchmark get(String name) {
        return CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withName(name).get();
    }

    @Test
    void singleRunnerCompletesWithResults() {
        String yaml = """
                apiVersion: redline.dev/v1alpha1
                kind: Benchmark
                metadata: {name: single, namespace: %s}
                spec:
                  models: [mock-model]
                  endpoint: {url: "%s", streaming: true}
                  tokenizer: {name: builtin}
                  dataset: {prompts: {isl: {mean: 32}, osl: {mean: 8}}}
                  phases: [{concurrency: 2, requests: 40}]
                """.formatted(CLUSTER.namespace(), CLUSTER.mock().url());
        CLUSTER.kubectl().pipe(yaml, "apply", "-f", "-").orFail();
        CLUSTER.await("single to finish", Duration.ofMinutes(3), () -> {
            Benchmark bm = get("single");
            return bm.getStatus() != null && bm.getStatus().getPhase() != null && bm.getStatus().getPhase().isFinished();
        });
        Benchmark bm = get("single");
        System.err.println(CLUSTER.diagnostics());
        assertEquals(BenchmarkPhase.Complete, bm.getStatus().getPhase(), () -> bm.getStatus().getConditions().toString());
        assertNotNull(bm.getStatus().getResults());
    }
}
