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
}
