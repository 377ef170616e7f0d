package dev.redline.runner.dataset.media;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared checks for media tests: a sample follows Normal(mean, sd), and data URLs decode to bytes. */
final class MediaAssertions {
    private MediaAssertions() { }

    /** Kolmogorov-Smirnov against Normal(mean, sd) plus mean and sd within a few standard errors. */
    static void followsNormal(double[] sample, double mean, double sd, String what) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : sample) s.addValue(v);
        double se = sd / Math.sqrt(sample.length);
        assertEquals(mean, s.getMean(), 5 * se, what + " mean");
        assertEquals(sd, s.getStandardDeviation(), 0.1 * sd, what + " stddev");
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(mean, sd), sample);
        assertTrue(p > 0.001, what + " is not Normal(" + mean + ", " + sd + "): KS p = " + p);
    }

    /** The bytes of a {@code data:<mime>;base64,<data>} URL, checking its prefix. */
    static byte[] dataUrl(String url, String mime) {
        String prefix = "data:" + mime + ";base64,";
        assertTrue(url.startsWith(prefix), "expected " + prefix + "..., got " + url.substring(0, Math.min(40, url.length())));
        return Base64.getDecoder().decode(url.substring(prefix.length()));
    }
}
