package dev.redline.runner.metrics;

import dev.redline.plan.search.SearchMetrics;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The search's tag list (crds, shared with the operator) is the registry's, so CLI and cluster accept the same metrics. */
class SearchMetricsCatalogTest {
    @Test
    void searchTagsAreTheRegistryTagsPlusTheDerivedFraction() {
        Set<String> registry = MetricRegistry.all().stream().map(MetricDef::tag).collect(Collectors.toCollection(TreeSet::new));
        registry.add(SearchMetrics.GOOD_REQUEST_FRACTION);
        assertEquals(registry, SearchMetrics.sortedTags());
    }

    @Test
    void streamingOnlyTagsAreTheRegistrysStreamingOnlyMetrics() {
        Set<String> streaming = MetricRegistry.all().stream().filter(d -> d.has(MetricFlag.STREAMING_ONLY))
                .map(MetricDef::tag).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(streaming, new TreeSet<>(SearchMetrics.STREAMING_ONLY));
    }
}
