package dev.redline.runner.dataset;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthSamplerTest {
    @Test
    void zeroStddevGivesExactlyTheMean() {
        LengthSampler s = LengthSampler.normal(550, 0);
        Random rnd = new Random(1);
        for (int i = 0; i < 100; i++) assertEquals(550, s.sample(rnd));
    }

    @Test
    void drawsAreCeiledNormalAndAtLeastOne() {
        LengthSampler s = LengthSampler.normal(3, 10);
        Random rnd = new Random(5);
        Random mirror = new Random(5);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            int v = s.sample(rnd);
            assertTrue(v >= 1);
            // replay the same Gaussian draws: the value is the first positive ceil(3 + 10 z)
            double expected;
            do expected = Math.ceil(3 + 10 * mirror.nextGaussian()); while (expected < 1);
            assertEquals((int) expected, v);
            sum += v;
        }
        // truncating at 1 pushes the mean well above 3
        assertTrue(sum / n > 6, "mean " + sum / n);
    }

    @Test
    void largeMeanStaysNearTheMean() {
        LengthSampler s = LengthSampler.normal(1000, 50);
        Random rnd = new Random(9);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) sum += s.sample(rnd);
        double mean = sum / 10_000;
        assertTrue(mean > 995 && mean < 1006, "mean " + mean); // ceil adds ~0.5
    }

    private static LengthSampler fromYaml(String isl) {
        var spec = dev.redline.api.config.SpecReader.read("models: [m]\ndataset: {prompts: {isl: " + isl + "}}\n", "t.yaml");
        var problems = dev.redline.api.validate.SpecValidator.validate(spec);
        assertTrue(problems.isEmpty(), problems.toString());
        return LengthSampler.of(spec.getDataset().getPrompts().getIsl(), 1);
    }

    private static double mean(LengthSampler s, int n, java.util.function.IntConsumer each) {
        Random rnd = new Random(3);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int v = s.sample(rnd);
            each.accept(v);
            sum += v;
        }
        return sum / n;
    }

    @Test
    void everyAiperfShapeSamples() {
        // fixed: a scalar, {value}, {mean} alone and {type: fixed, value}
        for (String fixed : java.util.List.of("512", "{value: 512}", "{mean: 512}", "{type: fixed, value: 512}")) {
            mean(fromYaml(fixed), 100, v -> assertEquals(512, v, fixed));
        }
        // log-normal: the median is the median, the mean the mean
        java.util.List<Integer> draws = new java.util.ArrayList<>();
        double m = mean(fromYaml("{mean: 1024, median: 904}"), 40_000, draws::add);
        java.util.Collections.sort(draws);
        assertTrue(Math.abs(m - 1024) < 20, "mean " + m);
        assertTrue(Math.abs(draws.get(draws.size() / 2) - 904) < 15, "median " + draws.get(draws.size() / 2));
        // multimodal: 60 % near 128, 40 % near 2048
        int[] low = {0};
        mean(fromYaml("{peaks: [{mean: 128, stddev: 5, weight: 60}, {mean: 2048, median: 1891, weight: 40}]}"), 10_000,
                v -> { if (v < 500) low[0]++; });
        assertTrue(Math.abs(low[0] - 6000) < 300, "low " + low[0]);
        // empirical: only the listed values, in their weights; weight defaults to 1
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        mean(fromYaml("{points: [{value: 128, weight: 3}, {value: 512}]}"), 8_000, v -> counts.merge(v, 1, Integer::sum));
        assertEquals(java.util.Set.of(128, 512), counts.keySet());
        assertTrue(Math.abs(counts.get(128) - 6000) < 250, counts.toString());
        // min/max clamp every shape
        mean(fromYaml("{mean: 100, stddev: 1000, min: 50, max: 150}"), 2_000, v -> assertTrue(v >= 50 && v <= 150, "" + v));
    }

    @Test
    void shapesThatContradictThemselvesAreRefused() {
        for (String[] bad : new String[][] {
                {"{type: normal, mean: 10, median: 5}", "does not match"},
                {"{type: spiky, mean: 10}", "does not match"},
                {"{points: [], mean: 3}", "isl.points"},
                {"{points: [{weight: 2}]}", "isl.points[0].value"}}) {
            String yaml = "models: [m]\ndataset: {prompts: {isl: " + bad[0] + "}}\n";
            String problems;
            try {
                problems = dev.redline.api.validate.SpecValidator.validate(dev.redline.api.config.SpecReader.read(yaml, "t.yaml")).toString();
            } catch (dev.redline.api.config.SpecException e) {
                problems = e.getMessage();
            }
            assertTrue(problems.contains(bad[1]), bad[0] + " -> " + problems);
        }
    }
}
