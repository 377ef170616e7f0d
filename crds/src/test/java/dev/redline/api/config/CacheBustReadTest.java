package dev.redline.api.config;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.CacheBustTarget;
import dev.redline.api.validate.SpecValidator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIPerf's cache_bust in a synthetic dataset's prompts or on a file dataset reads to dataset.cacheBust. */
class CacheBustReadTest {
    private static BenchmarkSpec read(String dataset) {
        return SpecReader.read("benchmark:\n  models: [m]\n  dataset: " + dataset + "\n", "t.yaml");
    }

    @Test
    void promptsAndDatasetLevelFormsBindAlike() {
        assertEquals(CacheBustTarget.FIRST_TURN_SUFFIX,
                read("{type: synthetic, prompts: {isl: 10, cache_bust: {target: first_turn_suffix}}}").getDataset().resolvedCacheBust());
        assertEquals(CacheBustTarget.WARMUP_ISOLATION_SYSTEM,
                read("{input_file: a.jsonl, cacheBust: {target: warmup_isolation_system}}").getDataset().resolvedCacheBust());
        assertEquals(CacheBustTarget.NONE, read("{type: synthetic, prompts: {isl: 10, cache_bust: {target: none}}}").getDataset().resolvedCacheBust());
        assertEquals(CacheBustTarget.NONE, read("{type: synthetic}").getDataset().resolvedCacheBust());
    }

    @Test
    void endpointsThatCannotCarryAMarkerAreRefused() {
        BenchmarkSpec spec = SpecReader.read("benchmark:\n  models: [m]\n  endpoint: {type: embeddings}\n  dataset: {cache_bust: {target: system_prefix}}\n", "t.yaml");
        String v = SpecValidator.validate(spec).get(0).toString();
        assertTrue(v.contains("dataset.cacheBust.target") && v.contains("not supported by endpoint embeddings"), v);
        String noSystem = SpecValidator.validate(read("{type: synthetic, prompts: {isl: 10, cache_bust: {target: warmup_isolation_system}}}"))
                .get(0).toString();
        assertTrue(noSystem.contains("warmup_isolation_system needs a system prompt"), noSystem);
        assertTrue(SpecValidator.validate(read("{system_prompt: be brief, cache_bust: {target: warmup_isolation_system}}")).isEmpty());
        SpecException bad = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> read("{cache_bust: {target: everywhere}}"));
        assertTrue(bad.getMessage().contains("cacheBust.target"), bad.getMessage());
    }
}
