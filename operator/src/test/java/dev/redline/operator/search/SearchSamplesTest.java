package dev.redline.operator.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** config/samples/search-*.yaml are Searches the operator accepts (strict keys, its validation, its planner). */
class SearchSamplesTest {
    @Test
    void searchSamplesAreValidSearches() throws IOException {
        Path root = Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize();
        List<Path> samples;
        try (Stream<Path> files = Files.list(root.resolve("config/samples"))) {
            samples = files.filter(p -> p.getFileName().toString().matches("search-.*\\.yaml")).sorted().toList();
        }
        assertFalse(samples.isEmpty(), "no search samples found");
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (Path sample : samples) {
            String yaml = Files.readString(sample);
            // strict read: a misspelt key in a sample fails here instead of being pruned by the API server
            SpecReader.bind((ObjectNode) SpecReader.mapper().readTree(yaml).get("spec"), sample.toString(), SearchSpec.class);
            Search s = serialization.unmarshal(yaml, Search.class);
            s.getMetadata().setNamespace("default");
            assertNotNull(SearchSetup.of(s).search().strategy(), sample.toString());
        }
    }
}
