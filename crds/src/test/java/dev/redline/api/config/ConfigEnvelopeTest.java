package dev.redline.api.config;

import dev.redline.api.v1alpha1.SweepType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigEnvelopeTest {
    @Test
    void bareBenchmarkFilesStillRead() throws IOException {
        Path samples = Path.of(System.getProperty("redline.repo.root", "..")).resolve("config/samples");
        List<Path> profiles;
        try (Stream<Path> files = Files.list(samples)) {
            profiles = files.filter(p -> p.getFileName().toString().startsWith("profile-")).toList();
        }
        assertTrue(!profiles.isEmpty());
        for (Path p : profiles) {
            ConfigEnvelope env = ConfigEnvelope.read(p);
            var plan = dev.redline.plan.ExperimentPlan.of(env); // every sample plans without error
            boolean envelope = ConfigEnvelope.ENVELOPE_KEYS.stream().anyMatch(SpecReader.tree(SpecReader.text(p), p.toString())::has);
            if (!envelope) assertEquals(SpecReader.read(SpecReader.text(p), p.toString()).getModels(), env.getBenchmark().getModels(), p.toString());
            if (p.getFileName().toString().contains("sweep")) assertTrue(plan.variations().size() > 1, p + " is a sweep");
        }
        ConfigEnvelope bare = ConfigEnvelope.read("models: [m]\nrandom_seed: 3\n", "bare.yaml");
        assertNull(bare.getSweep());
        assertEquals(3L, bare.resolvedSeed());
    }

    @Test
    void envelopeSectionsInEitherCase() {
        ConfigEnvelope env = ConfigEnvelope.read("""
                schemaVersion: "2.0"
                benchmark: {models: [m]}
                sweep: {type: zip, parameters: {isl: [1, 2], osl: [3, 4]}, cooldown_seconds: 2}
                multiRun: {numRuns: 3, convergence: {metric: time_to_first_token, mode: cv}}
                no_sweep_table: true
                """, "e.yaml");
        assertEquals(SweepType.ZIP, env.getSweep().getType());
        assertEquals(2.0, env.getSweep().resolvedCooldownSeconds());
        assertEquals(3, env.getMultiRun().resolvedNumRuns());
        assertEquals("cv", env.getMultiRun().getConvergence().resolvedMode());
        assertTrue(env.getNoSweepTable());
    }

    @Test
    void badEnvelopesSayWhatToFix() {
        assertEquals("e.yaml: multi_runs: unknown key (did you mean 'multiRun'?); known keys: schemaVersion, randomSeed, benchmark, sweep, multiRun, noSweepTable, variables, plot",
                assertThrows(SpecException.class, () -> ConfigEnvelope.read("benchmark: {models: [m]}\nmulti_runs: {num_runs: 2}\n", "e.yaml")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read("sweep: {parameters: {concurrency: [1]}}\n", "e.yaml"))
                .getMessage().startsWith("e.yaml: benchmark: missing;"));
        assertEquals("e.yaml: schema_version '1.0' is not supported; use \"2.0\"",
                assertThrows(SpecException.class, () -> ConfigEnvelope.read("schema_version: '1.0'\nbenchmark: {models: [m]}\n", "e.yaml")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read("random_seed: 1\nbenchmark: {models: [m], random_seed: 2}\n", "e.yaml"))
                .getMessage().contains("differ; give the seed once"));
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read("benchmark: {models: [m]}\nsweep: {type: spiral}\n", "e.yaml"))
                .getMessage().contains("'spiral' is not allowed; use one of grid, zip, scenarios, sobol, latin_hypercube"));
    }
}
