package dev.redline.operator.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepResourceSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every config/samples/sweep-*.yaml is a valid Sweep that plans, and its warm pool's experiment reads back. */
class SweepSamplesTest {
    @Test
    void samplesAreValidSweeps() throws IOException {
        Path dir = Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize().resolve("config/samples");
        List<Path> samples;
        try (Stream<Path> files = Files.list(dir)) {
            samples = files.filter(p -> p.getFileName().toString().matches("sweep-.*\\.yaml")).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        KubernetesSerialization serialization = new KubernetesSerialization();
        for (Path sample : samples) {
            Sweep sw = serialization.unmarshal(Files.readString(sample), Sweep.class);
            sw.getMetadata().setNamespace("default");
            // strict read: a misspelt key fails here instead of being pruned by the API server
            SpecReader.bind((ObjectNode) SpecReader.mapper().readTree(Files.readString(sample)).get("spec"), sample.toString(), SweepResourceSpec.class);
            SweepCheck.Checked checked = SweepCheck.of(sw);
            assertEquals(List.of(), checked.violations(), sample.toString());
            assertTrue(checked.plan().variations().size() > 1, sample.toString());
            String experiment = WarmPoolDriver.experimentConfigMap(sw).getData().get(SweepNames.EXPERIMENT_KEY);
            assertEquals(checked.plan().variations().size(),
                    dev.redline.plan.ExperimentPlan.of(dev.redline.api.config.ConfigEnvelope.read(experiment, sample + " (experiment)")).variations().size());
        }
    }
}
