package dev.redline.operator.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchPhase;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.plan.search.ConvergenceReason;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static dev.redline.operator.search.SearchCluster.NS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Search reconciler end to end against Fabric8's CRUD mock API server; the test plays the iterations' Benchmarks. */
@EnableKubernetesMockClient(crud = true)
class SearchReconcilerTest {
    static KubernetesClient client;
    static Operator operator;
    static final DoubleUnaryOperator TTFT = c -> 40 + c;

    @BeforeAll
    static void start() throws Exception {
        SearchCluster.installCrds(client);
        operator = SearchCluster.start(client);
    }

    @AfterAll
    static void stop() {
        if (operator != null) operator.stop();
    }

    /** Waits for the next unfinished child and returns it. */
    static Benchmark awaitRunningChild(String search, int expectedCount) {
        await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.children(client, search).size() >= expectedCount);
        List<Benchmark> all = SearchCluster.children(client, search);
        return all.stream().filter(b -> b.getStatus() == null || b.getStatus().getPhase() == null).findFirst().orElseThrow();
    }

    static Search awaitPhase(String name, SearchPhase phase) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Search s = SearchCluster.get(client, name);
            return s.getStatus() != null && s.getStatus().getPhase() == phase;
        });
        return SearchCluster.get(client, name);
    }

    /** Plays every iteration until the search finishes; returns the concurrencies probed, in order. */
    static List<Integer> runToEnd(String name, int from) {
        List<Integer> probes = new ArrayList<>();
        for (int i = from; i < 40; i++) {
            int n = i + 1;
            await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.children(client, name).size() >= n || finished(name));
            if (SearchCluster.children(client, name).size() < n) break;
            Benchmark child = SearchCluster.child(client, name + "-" + i);
            assertNotNull(child, "iteration " + i + " is named " + name + "-" + i);
            probes.add(SearchCluster.concurrency(child));
            SearchCluster.complete(client, child, TTFT);
        }
        return probes;
    }

    @Test
    void monotonicSearchFindsTheSlaBoundaryThroughChildBenchmarks() throws Exception {
        client.resource(SearchCluster.maxConcurrency("mono", "monotonic_sla")).create();
        List<Integer> probes = runToEnd("mono", 0);
        Search s = awaitPhase("mono", SearchPhase.Complete);
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256), probes.subList(0, 9));
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, s.getStatus().getConvergenceReason());
        var b = s.getStatus().getBoundary();
        assertTrue(b.getFeasibleMax() < 160 && b.getInfeasibleMin() >= 160, b.getFeasibleMax() + ".." + b.getInfeasibleMin());
        assertTrue((b.getInfeasibleMin() - b.getFeasibleMax()) / b.getInfeasibleMin() < 0.05);
        assertEquals("time_to_first_token:p95:lt:200", b.getFirstBreach());
        assertEquals("concurrency=" + b.getFeasibleMax().intValue(), s.getStatus().getBest().getKnob(),
                "the best is the throughput at the boundary");
        assertEquals(probes.size() + "/30", s.getStatus().getProgress());
        assertEquals(probes.size(), s.getStatus().getIterations().size(), describe("mono"));
        Condition complete = s.getStatus().getConditions().stream().filter(c -> c.getType().equals(ConditionType.Complete.name())).findFirst().orElseThrow();
        assertEquals("True", complete.getStatus());
        assertTrue(complete.getMessage().startsWith("monotonic_precision_reached after " + probes.size() + " iterations; best concurrency="));

        ConfigMap history = client.configMaps().inNamespace(NS).withName("mono-search").get();
        JsonNode h = new ObjectMapper().readTree(history.getData().get("search_history.json"));
        assertEquals(probes.size(), h.get("iterations").size());
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, h.get("convergence_reason").asText());
        assertEquals("mono", history.getMetadata().getOwnerReferences().get(0).getName());
        for (Benchmark child : SearchCluster.children(client, "mono")) {
            assertEquals("Search", child.getMetadata().getOwnerReferences().get(0).getKind());
        }
    }

    @Test
    void restartedOperatorContinuesFromTheChildrenWithoutRepeatingAnIteration() throws Exception {
        // the same search run straight through, for the sequence to compare with
        client.resource(SearchCluster.maxConcurrency("straight", "smooth_isotonic")).create();
        List<Integer> expected = runToEnd("straight", 0);
        awaitPhase("straight", SearchPhase.Complete);

        client.resource(SearchCluster.maxConcurrency("restart", "smooth_isotonic")).create();
        List<Integer> probes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Benchmark child = awaitRunningChild("restart", i + 1);
            probes.add(SearchCluster.concurrency(child));
            if (i < 4) SearchCluster.complete(client, child, TTFT);
        }
        operator.stop();
        // iteration 4 finishes while no operator runs; a new operator must pick up from the children
        SearchCluster.complete(client, SearchCluster.child(client, "restart-4"), TTFT);
        operator = SearchCluster.start(client);
        probes.addAll(runToEnd("restart", 5));
        Search s = awaitPhase("restart", SearchPhase.Complete);
        assertEquals(expected, probes, "the same iterations, none lost or repeated");
        assertEquals(expected.size(), SearchCluster.children(client, "restart").size());
        assertEquals(SearchCluster.get(client, "straight").getStatus().getBest().getKnob(), s.getStatus().getBest().getKnob());
    }

    @Test
    void badSpecIsAConditionAndAnEventAndCreatesNothing() {
        Search bad = SearchCluster.maxConcurrency("bad", "bayesian");
        bad.getSpec().getSearch().getSearchSpace().get(0).setLo(600.0);
        client.resource(bad).create();
        Search s = awaitPhase("bad", SearchPhase.Invalid);
        Condition accepted = s.getStatus().getConditions().get(0);
        assertEquals("False", accepted.getStatus());
        assertEquals("spec.search.searchSpace[0]: lo (600) must be < hi (512) for concurrency", accepted.getMessage());
        await().atMost(Duration.ofSeconds(10)).until(() -> events("bad").stream().anyMatch(e -> "Warning".equals(e.getType())
                && e.getMessage().contains("lo (600) must be < hi (512)")));
        assertEquals(0, SearchCluster.children(client, "bad").size());
    }

    @Test
    void recipeWithoutItsSlaIsRefusedOnTheResource() {
        Search r = SearchCluster.maxConcurrency("norecipe", "bayesian");
        r.getSpec().setSearch(null);
        SearchRecipeSpec recipe = new SearchRecipeSpec();
        recipe.setName("max-throughput-ttft-sla");
        r.getSpec().setRecipe(recipe);
        client.resource(r).create();
        Search s = awaitPhase("norecipe", SearchPhase.Invalid);
        assertEquals("spec.recipe.ttftSlaMs: required by recipe max-throughput-ttft-sla (the TTFT p95 threshold in ms)",
                s.getStatus().getConditions().get(0).getMessage());
    }

    @Test
    void gridRecipeRunsItsCellsAsIterationsAndWritesItsDerivedFile() throws Exception {
        Search r = SearchCluster.maxConcurrency("knee", "bayesian");
        r.getSpec().setSearch(null);
        SearchRecipeSpec recipe = new SearchRecipeSpec();
        recipe.setName("max-concurrency-under-sla");
        recipe.setSearchStyle("grid");
        recipe.setTtftSlaMs(200.0);
        recipe.setConcurrencyMax(512);
        recipe.setConcurrencySteps(4);
        r.getSpec().setRecipe(recipe);
        client.resource(r).create();
        List<Integer> probes = runToEnd("knee", 0);
        Search s = awaitPhase("knee", SearchPhase.Complete);
        assertEquals(List.of(1, 8, 64, 512), probes, "the recipe's log-spaced levels, in order");
        assertEquals(ConvergenceReason.GRID_EXHAUSTED, s.getStatus().getConvergenceReason());
        assertEquals(64, s.getStatus().getBoundary().getFeasibleMax());
        assertEquals(512, s.getStatus().getBoundary().getInfeasibleMin());
        ConfigMap results = client.configMaps().inNamespace(NS).withName("knee-search").get();
        JsonNode breach = new ObjectMapper().readTree(results.getData().get("sla_breach.json"));
        assertEquals(64, breach.get("max_passing_concurrency").asInt());
        assertEquals(512, breach.get("first_failing_concurrency").asInt());
        assertEquals(552, breach.at("/first_failing_breach/observed").asDouble(), 1e-9);
        assertEquals("max-concurrency-under-sla", new ObjectMapper().readTree(results.getData().get("search_history.json")).get("recipe").asText());
    }

    @Test
    void trialsOfAnIterationRunOneAfterTheOther() {
        Search s = SearchCluster.maxConcurrency("trials", "monotonic_sla");
        s.getSpec().setTrialsPerIteration(2);
        client.resource(s).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.child(client, "trials-0-0") != null);
        assertEquals(1, SearchCluster.children(client, "trials").size(), "the second trial waits for the first");
        SearchCluster.complete(client, SearchCluster.child(client, "trials-0-0"), TTFT);
        await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.child(client, "trials-0-1") != null);
        assertEquals(1, SearchCluster.concurrency(SearchCluster.child(client, "trials-0-1")));
        SearchCluster.complete(client, SearchCluster.child(client, "trials-0-1"), TTFT);
        await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.child(client, "trials-1-0") != null);
        assertEquals(2, SearchCluster.concurrency(SearchCluster.child(client, "trials-1-0")), "iteration 1 after both trials of 0");
    }

    @Test
    void cancelStopsTheRunningIterationAndKeepsTheHistory() {
        client.resource(SearchCluster.maxConcurrency("stopme", "monotonic_sla")).create();
        SearchCluster.complete(client, awaitRunningChild("stopme", 1), TTFT);
        Benchmark second = awaitRunningChild("stopme", 2);
        client.resources(Search.class).inNamespace(NS).withName("stopme")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}");
        await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.child(client, second.getMetadata().getName()).getSpec().cancelRequested());
        SearchCluster.finish(client, second, BenchmarkPhase.Cancelled, null);
        Search s = awaitPhase("stopme", SearchPhase.Cancelled);
        assertEquals(2, SearchCluster.children(client, "stopme").size(), "no new iteration after cancel: " + describe("stopme"));
        assertEquals(2, s.getStatus().getIterations().size());
        assertNotNull(client.configMaps().inNamespace(NS).withName("stopme-search").get());
    }

    @Test
    void finishedSearchStartsNothingWhenAChildIsDeleted() {
        client.resource(SearchCluster.maxConcurrency("done", "monotonic_sla")).create();
        List<Integer> probes = runToEnd("done", 0);
        awaitPhase("done", SearchPhase.Complete);
        String last = "done-" + (probes.size() - 1);
        client.resources(Benchmark.class).inNamespace(NS).withName(last).delete();
        await().atMost(Duration.ofSeconds(15)).until(() -> SearchCluster.child(client, last) == null);
        // replaying the planner over the remaining children would ask for the deleted probe again
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> SearchCluster.children(client, "done").size() == probes.size() - 1);
        Search s = SearchCluster.get(client, "done");
        assertEquals(SearchPhase.Complete, s.getStatus().getPhase());
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, s.getStatus().getConvergenceReason());
    }

    static String describe(String name) {
        StringBuilder sb = new StringBuilder();
        for (Benchmark b : SearchCluster.children(client, name)) {
            sb.append(b.getMetadata().getName()).append('=').append(SearchCluster.concurrency(b)).append(':')
                    .append(b.getStatus() == null ? null : b.getStatus().getPhase()).append(' ');
        }
        return sb + " status " + client.getKubernetesSerialization().asJson(SearchCluster.get(client, name).getStatus().getIterations());
    }

    static boolean finished(String name) {
        Search s = SearchCluster.get(client, name);
        return s.getStatus() != null && s.getStatus().getPhase() != null && s.getStatus().getPhase().isFinished();
    }

    static List<Event> events(String name) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }
}
