package dev.redline.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepCellStatus;
import dev.redline.api.v1alpha1.SweepPhase;
import dev.redline.operator.realcluster.Kubectl;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps on a real control plane: admission of the Sweep CRD's schema, a perCell Sweep whose cells are
 * child Benchmarks run by real runner pods, a warmPool Sweep whose one pod runs every cell, cancelling a
 * running Sweep, and garbage collection of a deleted Sweep's children.
 */
class SweepIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final Duration RUN = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sweep(String name, String... specLines) {
        return sweepOf(name, "[{concurrency: 1, requests: 12}]", specLines);
    }

    private static String sweepOf(String name, String phases, String... specLines) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: redline.dev/v1alpha1
                kind: Sweep
                metadata: {name: %s, namespace: %s}
                spec:
                  template:
                    models: [mock-model]
                    endpoint: {url: "%s", streaming: true}
                    tokenizer: {name: builtin}
                    dataset: {prompts: {isl: {mean: 32}, osl: {mean: 8}}}
                    phases: %s
                """.formatted(name, CLUSTER.namespace(), CLUSTER.mock().url(), phases));
        for (String line : specLines) yaml.append("  ").append(line).append('\n');
        return yaml.toString();
    }

    private static Kubectl.Result apply(String yaml) {
        return CLUSTER.kubectl().pipe(yaml, "apply", "-f", "-");
    }

    private static Sweep get(String name) {
        return CLUSTER.client().resources(Sweep.class).inNamespace(CLUSTER.namespace()).withName(name).get();
    }

    private static Sweep awaitPhase(String name, SweepPhase want) {
        CLUSTER.await(name + " to be " + want, RUN, () -> {
            Sweep s = get(name);
            SweepPhase now = s == null || s.getStatus() == null ? null : s.getStatus().getPhase();
            if (now != null && now != want && now.isFinished()) throw new AssertionError(name + " ended " + now + ": " + s.getStatus().getConditions());
            return now == want;
        });
        return get(name);
    }

    @Test
    void theSchemaRejectsBadSweepsAtAdmissionNamingTheField() throws Exception {
        Map<String, List<String>> cases = Map.of(
                "spec.maxParallel", List.of("sweep: {parameters: {concurrency: [1, 2]}}", "maxParallel: 0"),
                "spec.multiRun.numRuns", List.of("sweep: {parameters: {concurrency: [1, 2]}}", "multiRun: {numRuns: 11}"),
                "spec.multiRun.confidenceLevel", List.of("sweep: {parameters: {concurrency: [1, 2]}}", "multiRun: {confidenceLevel: 1.0}"),
                "spec.sweep.samples", List.of("sweep: {type: sobol, samples: 1, dimensions: [{path: rate, lo: 1, hi: 5}]}"),
                "spec.sweep.dimensions[0].path", List.of("sweep: {type: sobol, samples: 4, dimensions: [{lo: 1, hi: 5}]}"),
                "spec.execution", List.of("sweep: {parameters: {concurrency: [1]}}", "execution: sideways"));
        int i = 0;
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Kubectl.Result r = apply(sweep("bad-" + i++, c.getValue().toArray(String[]::new)));
            assertNotEquals(0, r.exitCode(), c.getKey() + " was accepted");
            assertTrue(r.stderr().contains(c.getKey()), c.getKey() + " not named: " + r.stderr());
        }
        try (var files = java.nio.file.Files.list(RealCluster.repoRoot().resolve("config/samples"))) {
            for (var sample : files.filter(p -> p.getFileName().toString().matches("sweep-.*\\.yaml")).sorted().toList()) {
                CLUSTER.kubectl().run("apply", "--dry-run=server", "-n", CLUSTER.namespace(), "-f", sample.toString()).orFail();
            }
        }
        Kubectl.Result noSweep = CLUSTER.kubectl().pipe("""
                apiVersion: redline.dev/v1alpha1
                kind: Sweep
                metadata: {name: no-template, namespace: %s}
                spec: {sweep: {parameters: {concurrency: [1]}}}
                """.formatted(CLUSTER.namespace()), "apply", "-f", "-");
        assertTrue(noSweep.exitCode() != 0 && noSweep.stderr().contains("spec.template"), noSweep.stderr());
        // what only the operator can judge: admitted, then Invalid with one Event
        apply(sweep("typo", "sweep: {parameters: {phases.profiling.concurency: [1, 2]}}")).orFail();
        Sweep typo = awaitPhase("typo", SweepPhase.Invalid);
        assertTrue(typo.getStatus().condition(ConditionType.Accepted).getMessage().contains("did you mean 'concurrency'?"));
        CLUSTER.await("the SpecInvalid event", Duration.ofSeconds(30), () -> CLUSTER.client().v1().events().inNamespace(CLUSTER.namespace())
                .list().getItems().stream().anyMatch(e -> "typo".equals(e.getInvolvedObject().getName()) && "SpecInvalid".equals(e.getReason())));
    }

    @Test
    void perCellCellsRunAsChildBenchmarksOnRealRunnerPods() throws Exception {
        apply(sweep("grid", "sweep: {parameters: {concurrency: [1, 3]}}")).orFail();
        Sweep done = awaitPhase("grid", SweepPhase.Complete);
        assertEquals("2/2", done.getStatus().getProgress());
        List<SweepCellStatus> cells = done.getStatus().getCells();
        assertEquals(List.of("concurrency_1", "concurrency_3"), cells.stream().map(SweepCellStatus::getDir).toList());
        assertTrue(cells.stream().allMatch(c -> c.getRequestThroughput() > 0 && c.getTtftP99() >= 5), cells.toString());
        List<Benchmark> children = CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace())
                .withLabel("redline.dev/sweep", "grid").list().getItems();
        assertEquals(List.of("grid-0", "grid-1"), children.stream().map(b -> b.getMetadata().getName()).sorted().toList());
        assertEquals(3, children.stream().filter(b -> b.getMetadata().getName().equals("grid-1")).findFirst().orElseThrow()
                .getSpec().getPhases().get(0).getConcurrency());
        JsonNode aggregate = JSON.readTree(CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("grid-results").get()
                .getData().get("sweep.json"));
        assertEquals(2, aggregate.get("per_combination_metrics").size());

        String[] lines = CLUSTER.kubectl().run("get", "sw", "grid", "-n", CLUSTER.namespace()).orFail().stdout().strip().split("\n");
        assertEquals(List.of("NAME", "PHASE", "CELLS", "BEST REQ/S", "BEST TTFT P99", "AGE"), Arrays.asList(lines[0].trim().split("\\s{2,}")));
        assertEquals(List.of("grid", "Complete", "2/2"), Arrays.asList(lines[1].trim().split("\\s{2,}")).subList(0, 3));

        CLUSTER.kubectl().run("delete", "sw", "grid", "-n", CLUSTER.namespace()).orFail();
        CLUSTER.await("the children to be garbage-collected", Duration.ofMinutes(2), () -> CLUSTER.client().resources(Benchmark.class)
                .inNamespace(CLUSTER.namespace()).withLabel("redline.dev/sweep", "grid").list().getItems().isEmpty());
    }

    @Test
    void aWarmPoolRunsEveryCellInOnePod() throws Exception {
        apply(sweep("pool", "sweep: {type: zip, parameters: {concurrency: [1, 2], isl: [16, 48]}}", "execution: warmPool")).orFail();
        Sweep done = awaitPhase("pool", SweepPhase.Complete);
        assertEquals("2/2", done.getStatus().getProgress());
        assertTrue(done.getStatus().getCells().stream().allMatch(c -> "Complete".equals(c.getPhase()) && c.getRequestThroughput() > 0));
        List<Pod> pods = CLUSTER.client().pods().inNamespace(CLUSTER.namespace()).withLabel("redline.dev/benchmark", "pool").list().getItems();
        assertEquals(1, pods.size(), "one pod ran both cells");
        assertTrue(CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withLabel("redline.dev/sweep", "pool")
                .list().getItems().isEmpty(), "no child Benchmarks");
        JsonNode aggregate = JSON.readTree(CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("pool-results").get()
                .getData().get("sweep.json"));
        assertEquals(List.of("concurrency", "isl"), List.of(aggregate.at("/metadata/sweep_parameters/0/name").asText(),
                aggregate.at("/metadata/sweep_parameters/1/name").asText()));
    }

    private static List<String> children(String sweep) {
        return CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withLabel("redline.dev/sweep", sweep)
                .list().getItems().stream().map(b -> b.getMetadata().getName()).sorted().toList();
    }

    private static BenchmarkPhase childPhase(String name) {
        Benchmark b = CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withName(name).get();
        return b == null || b.getStatus() == null ? null : b.getStatus().getPhase();
    }

    @Test
    void cancelStopsTheRunningCellAndStartsNoOther() throws Exception {
        // cells of 300 s: the first one is still running when the Sweep is cancelled
        apply(sweepOf("halt", "[{concurrency: 1, duration: 300}]", "sweep: {parameters: {concurrency: [1, 2, 3]}}")).orFail();
        CLUSTER.await("halt-0 to run", RUN, () -> childPhase("halt-0") == BenchmarkPhase.Running);
        long served = CLUSTER.mock().requestsServed();
        CLUSTER.await("requests to flow", Duration.ofMinutes(2), () -> CLUSTER.mock().requestsServed() >= served + 5);
        CLUSTER.kubectl().run("patch", "sw", "halt", "-n", CLUSTER.namespace(), "--type", "merge", "-p", "{\"spec\":{\"cancel\":true}}").orFail();

        Sweep done = awaitPhase("halt", SweepPhase.Cancelled);
        Benchmark cell = CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withName("halt-0").get();
        assertTrue(cell.getSpec().cancelRequested(), "the Sweep passed spec.cancel on to its running cell");
        assertEquals(BenchmarkPhase.Cancelled, cell.getStatus().getPhase());
        Job job = CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withName("halt-0-1").get();
        assertEquals(Boolean.TRUE, job.getSpec().getSuspend(), "the cell's runner Job is suspended");
        var failed = done.getStatus().condition(ConditionType.Failed);
        assertEquals("True", failed.getStatus());
        assertEquals("Cancelled", failed.getReason());
        assertEquals(done.getMetadata().getGeneration(), done.getStatus().getObservedGeneration());
        assertEquals(3, done.getStatus().getCells().size());
        assertEquals(List.of("Failed", "Pending", "Pending"), done.getStatus().getCells().stream().map(SweepCellStatus::getPhase).toList());

        Thread.sleep(5000); // time for the operator to (wrongly) start the next cell
        assertEquals(List.of("halt-0"), children("halt"), "no cell starts after cancel");
        assertEquals(SweepPhase.Cancelled, get("halt").getStatus().getPhase());
        CLUSTER.await("the cell's runner pods removed", Duration.ofSeconds(90), () -> CLUSTER.client().pods().inNamespace(CLUSTER.namespace())
                .withLabel("redline.dev/benchmark", "halt-0").list().getItems().isEmpty());
    }

    @Test
    void cancelSuspendsTheWarmPoolAndKeepsTheCellsItFinished() throws Exception {
        // a 3 s cell that finishes, then a 300 s one that is still running when the Sweep is cancelled
        apply(sweepOf("poolhalt", "[{concurrency: 1, duration: 300}]",
                "sweep: {type: zip, parameters: {concurrency: [1, 2], phases.profiling.duration: [3, 300]}}", "execution: warmPool")).orFail();
        // the pool's pod publishes a cell once the next one is over (its engine runs one cell at a time), so the first
        // cell's end is seen in the pod's artifacts
        CLUSTER.await("the first cell to finish in the pool", RUN, () -> {
            List<Pod> pods = CLUSTER.client().pods().inNamespace(CLUSTER.namespace()).withLabel("redline.dev/benchmark", "poolhalt").list().getItems();
            return pods.size() == 1 && java.nio.file.Files.isRegularFile(CLUSTER.dir().resolve("pods").resolve(CLUSTER.namespace())
                    .resolve(pods.get(0).getMetadata().getName()).resolve("var/lib/redline/artifacts/concurrency_1__duration_3/profile_export_redline.json"));
        });
        CLUSTER.kubectl().run("patch", "sw", "poolhalt", "-n", CLUSTER.namespace(), "--type", "merge", "-p", "{\"spec\":{\"cancel\":true}}").orFail();

        Sweep done = awaitPhase("poolhalt", SweepPhase.Cancelled);
        assertEquals("Cancelled", done.getStatus().condition(ConditionType.Failed).getReason());
        Job job = CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withName("poolhalt-1").get();
        assertEquals(Boolean.TRUE, job.getSpec().getSuspend(), "the pool's runner Job is suspended");
        CLUSTER.await("the pool's pod removed", Duration.ofSeconds(90), () -> CLUSTER.client().pods().inNamespace(CLUSTER.namespace())
                .withLabel("redline.dev/benchmark", "poolhalt").list().getItems().isEmpty());
        // on SIGTERM the runner publishes the runs it finished; those events do not change the verdict
        CLUSTER.await("the finished cell in status", Duration.ofSeconds(60), () -> {
            Sweep s = get("poolhalt");
            return s.getStatus().getCells() != null && "Complete".equals(s.getStatus().getCells().get(0).getPhase());
        });
        Sweep after = get("poolhalt");
        assertEquals(SweepPhase.Cancelled, after.getStatus().getPhase());
        SweepCellStatus first = after.getStatus().getCells().get(0);
        assertEquals("Complete", first.getPhase(), "the finished cell is kept");
        assertTrue(first.getRequestThroughput() > 0, after.getStatus().getCells().toString());
        assertTrue(CLUSTER.client().pods().inNamespace(CLUSTER.namespace()).withLabel("redline.dev/benchmark", "poolhalt").list()
                .getItems().isEmpty(), "no new pool pod");
    }
}
