package dev.redline.operator;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.operator.children.ConfigMapFactory;
import dev.redline.operator.validate.ResourceValidator;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every config/samples/benchmark-*.yaml is a valid Benchmark whose spec the runner can read back. */
class SamplesTest {
    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(MockCluster.repoRoot().resolve("config/samples"))) {
            return files.filter(p -> p.getFileName().toString().matches("benchmark-.*\\.yaml")).sorted().toList();
        }
    }

    @Test
    void samplesAreValidBenchmarks() throws IOException {
        List<Path> samples = samples();
        assertFalse(samples.isEmpty(), "no samples found");
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (Path sample : samples) {
            Benchmark bm = serialization.unmarshal(Files.readString(sample), Benchmark.class);
            assertNotNull(bm.getSpec(), sample + ": no spec");
            // strict read: a misspelt key in a sample fails here instead of being pruned by the API server
            var tree = (ObjectNode) SpecReader.mapper().readTree(Files.readString(sample)).get("spec");
            SpecReader.bind(tree, sample.toString(), BenchmarkResourceSpec.class);
            bm.getMetadata().setNamespace("default");
            assertEquals(List.of(), ResourceValidator.validate(bm), sample.toString());
            String yaml = ConfigMapFactory.spec(bm).getData().get(ConfigMapFactory.SPEC_KEY);
            BenchmarkSpec forRunner = SpecReader.read(yaml, sample + " (spec ConfigMap)");
            assertEquals(bm.getSpec().getModels(), forRunner.getModels(), sample.toString());
            assertEquals(bm.getSpec().getPhases().size(), forRunner.getPhases().size(), sample.toString());
        }
    }
}
