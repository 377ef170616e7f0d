package dev.redline.operator.search;

import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchDimensionSpec;
import dev.redline.api.v1alpha1.SearchObjectiveSpec;
import dev.redline.api.v1alpha1.SearchSpec;
import dev.redline.api.v1alpha1.SlaFilterSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.List;

/** Search resources for operator tests (namespace bench): max throughput over concurrency with TTFT p95 < 200 ms. */
public final class SearchFixtures {
    private SearchFixtures() { }

    /** A monotonic_sla search over concurrency lo..hi (lo >= hi is the bad-input case). */
    public static Search monotonic(String name, double lo, double hi) {
        return search(name, "monotonic_sla", lo, hi);
    }

    /** Highest concurrency in lo..hi with TTFT p95 < 200 ms, with the given planner. */
    public static Search search(String name, String planner, double lo, double hi) {
        BenchmarkResourceSpec template = new BenchmarkResourceSpec();
        template.setModels(List.of("Qwen/Qwen3-0.6B"));
        template.endpoint().setUrl("http://vllm.models:8000");
        template.endpoint().setStreaming(true);
        PhaseSpec phase = new PhaseSpec();
        phase.setConcurrency(8);
        phase.setDuration(60.0);
        template.setPhases(List.of(phase));
        AdaptiveSearchSpec search = new AdaptiveSearchSpec();
        search.setPlanner(AdaptiveSearchSpec.Planner.valueOf(planner.toUpperCase()));
        search.setSearchSpace(List.of(new SearchDimensionSpec("concurrency", lo, hi, null, null)));
        search.setObjectives(List.of(new SearchObjectiveSpec("output_token_throughput", "avg", SearchObjectiveSpec.Direction.MAXIMIZE)));
        search.setSlaFilters(List.of(new SlaFilterSpec("time_to_first_token", "p95", "lt", 200.0)));
        search.setMaxIterations(30);
        SearchSpec spec = new SearchSpec();
        spec.setTemplate(template);
        spec.setSearch(search);
        Search s = new Search();
        s.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("bench").build());
        s.setSpec(spec);
        return s;
    }

}
