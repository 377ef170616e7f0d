package dev.redline.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchPhase;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searches end to end on a real control plane: kubectl apply a Search → the operator (from the chart, under
 * its ServiceAccount) creates one Benchmark per iteration → their runner pods run against the mock server →
 * the planner reads their results and proposes the next; an operator killed mid-search continues from the
 * children. The SLA is on input_sequence_length, which the runner hits exactly, so the true boundary is known.
 */
class SearchLifecycleIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final Duration SEARCH = Duration.ofMinutes(10);

    private static void apply(String name, String searchLines) {
        String yaml = """
                apiVersion: redline.dev/v1alpha1
                kind: Search
                metadata: {name: %s, namespace: %s}
                spec:
                  template:
                    models: [mock-model]
                    endpoint: {url: "%s", streaming: true}
                    tokenizer: {name: builtin}
                    dataset: {prompts: {isl: {mean: 16}, osl: {mean: 4}}}
                    phases: [{concurrency: 1, requests: 3}]
                %s
                """.formatted(name, CLUSTER.namespace(), CLUSTER.mock().url(), searchLines);
        CLUSTER.kubectl().pipe(yaml, "apply", "-f", "-").orFail();
    }

    /** ISL 16..128, feasible while ISL avg < 50: the boundary is 49 | 50. */
    private static final String ISL_SEARCH = """
              search:
                planner: monotonic_sla
                searchSpace: [{path: isl, lo: 16, hi: 128}]
                objectives: [{metric: output_token_throughput, direction: maximize}]
                slaFilters: [{metricTag: input_sequence_length, stat: avg, op: lt, threshold: 50}]
                maxIterations: 12
            """;

    private static Search get(String name) {
        return CLUSTER.client().resources(Search.class).inNamespace(CLUSTER.namespace()).withName(name).get();
    }

    private static SearchPhase phase(String name) {
        Search s = get(name);
        return s == null || s.getStatus() == null ? null : s.getStatus().getPhase();
    }

    private static List<Benchmark> children(String name) {
        return CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).withLabel("redline.dev/search", name)
                .list().getItems();
    }

    /** The ISL each iteration probed, in iteration order, read from the children (the state). */
    private static List<Integer> probes(String name) {
        List<Benchmark> kids = new ArrayList<>(children(name));
        kids.sort(java.util.Comparator.comparingInt(b -> Integer.parseInt(b.getMetadata().getLabels().get("redline.dev/search-iteration"))));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < kids.size(); i++) {
            assertEquals(name + "-" + i, kids.get(i).getMetadata().getName(), "iterations are contiguous and named by number");
            out.add(kids.get(i).getSpec().getDataset().getPrompts().getIsl().getMean());
        }
        return out;
    }

    private static Search awaitComplete(String name) {
        CLUSTER.await(name + " to complete", SEARCH, () -> {
            SearchPhase p = phase(name);
            if (p != null && p != SearchPhase.Complete && p.isFinished()) {
                throw new AssertionError(name + " ended " + p + ": " + get(name).getStatus().getConditions());
            }
            return p == SearchPhase.Complete;
        });
        return get(name);
    }

    @Test
    void searchFindsTheExactIslBoundaryThroughBenchmarksAndSurvivesAnOperatorKill() throws Exception {
        apply("isl", ISL_SEARCH);
        Search s = awaitComplete("isl");
        var b = s.getStatus().getBoundary();
        assertTrue(b.getFeasibleMax() < 50 && b.getInfeasibleMin() >= 50, b.getFeasibleMax() + ".." + b.getInfeasibleMin());
        assertTrue((b.getInfeasibleMin() - b.getFeasibleMax()) / b.getInfeasibleMin() < 0.05);
        assertEquals("monotonic_precision_reached", s.getStatus().getConvergenceReason());
        List<Integer> probes = probes("isl");
        assertEquals(List.of(16, 32, 64), probes.subList(0, 3));
        assertEquals(probes.size(), s.getStatus().getIterations().size());
        ConfigMap history = CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName("isl-search").get();
        JsonNode h = new ObjectMapper().readTree(history.getData().get("search_history.json"));
        assertEquals(probes.size(), h.get("iterations").size());

        String[] lines = CLUSTER.kubectl().run("get", "srch", "isl", "-n", CLUSTER.namespace()).orFail().stdout().strip().split("\n");
        assertEquals(List.of("NAME", "PHASE", "ITERATIONS", "BEST", "KNOB", "AGE"), Arrays.asList(lines[0].trim().split("\\s{2,}")));
        List<String> row = Arrays.asList(lines[1].trim().split("\\s{2,}"));
        assertEquals(List.of("isl", "Complete", probes.size() + "/12"), row.subList(0, 3), String.join("\n", lines));
        assertEquals(s.getStatus().getBest().getKnob(), row.get(4), "the best feasible throughput's knob");
        assertTrue(s.getStatus().getBest().getFeasible());

        // the same search again, with the operator killed after its second iteration
        apply("again", ISL_SEARCH);
        CLUSTER.await("two iterations of again", SEARCH, () -> children("again").size() >= 3);
        CLUSTER.operator().kill();
        Thread.sleep(2000);
        CLUSTER.operator().start();
        awaitComplete("again");
        assertEquals(probes, probes("again"), "the restarted operator continued: nothing lost or repeated");
    }

    @Test
    void admissionRejectsWhatTheSchemaCanSayAndTheOperatorTheRest() throws Exception {
        String[][] bad = {
                {"lo-hi", ISL_SEARCH.replace("lo: 16, hi: 128", "lo: 128, hi: 16"), "lo must be < hi"},
                {"bad-op", ISL_SEARCH.replace("op: lt", "op: eq"), "spec.search.slaFilters[0].op"},
                {"budget", ISL_SEARCH.replace("maxIterations: 12", "maxIterations: 500"), "spec.search.maxIterations"}};
        for (String[] c : bad) {
            var r = CLUSTER.kubectl().pipe("""
                    apiVersion: redline.dev/v1alpha1
                    kind: Search
                    metadata: {name: %s, namespace: %s}
                    spec:
                      template: {models: [m], endpoint: {url: "http://x:1"}}
                    %s
                    """.formatted(c[0], CLUSTER.namespace(), c[1]), "apply", "-f", "-");
            assertTrue(r.exitCode() != 0 && r.stderr().contains(c[2]), c[0] + ": " + r.stderr());
        }
        apply("unknown-tag", ISL_SEARCH.replace("metricTag: input_sequence_length", "metricTag: input_seq_len"));
        CLUSTER.await("unknown-tag to be Invalid", Duration.ofMinutes(1), () -> phase("unknown-tag") == SearchPhase.Invalid);
        String message = get("unknown-tag").getStatus().getConditions().get(0).getMessage();
        assertTrue(message.startsWith("spec.search.slaFilters[0]: unknown metric tag 'input_seq_len'"), message);
        CLUSTER.await("the Warning event", Duration.ofSeconds(30), () -> CLUSTER.client().v1().events().inNamespace(CLUSTER.namespace())
                .list().getItems().stream().anyMatch(e -> "unknown-tag".equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())));
        assertEquals(0, children("unknown-tag").size());
    }
}
