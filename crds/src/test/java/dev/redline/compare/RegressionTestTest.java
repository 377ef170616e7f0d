package dev.redline.compare;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's statistics on distributions whose answer is known. */
class RegressionTestTest {
    private static final RegressionTest TEST = new RegressionTest(0.05);

    /** Latency-like values: log-normal with median {@code median} ms, sigma 0.3. */
    static double[] latencies(double median, int n, int seed) {
        LogNormalDistribution d = new LogNormalDistribution(new Well19937c(seed), Math.log(median), 0.3,
                LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return d.sample(n);
    }

    static RequestSamples.Metric metric(double[] v) {
        return new RequestSamples.Metric("ms", v.length, v);
    }

    static MetricComparison compare(String gate, double tolerance, double[] base, double[] now) {
        return TEST.compare(MetricGate.parse(gate, tolerance), metric(base), metric(now));
    }

    @Test
    void aDistributionShiftedToTwiceTheLatencyRegressesWithTheRightFigures() {
        double[] base = latencies(20, 1000, 1);
        double[] now = latencies(40, 1000, 2);
        for (String stat : List.of("p50", "p99", "avg")) {
            MetricComparison r = compare("time_to_first_token:" + stat, 5, base, now);
            assertEquals(Verdict.Regressed, r.getVerdict(), r.describe());
            assertEquals(Statistic.parse(stat).of(base), r.getBaseline(), Math.abs(r.getBaseline()) * 1e-3);
            assertEquals(Statistic.parse(stat).of(now), r.getCurrent(), Math.abs(r.getCurrent()) * 1e-3);
            // ground truth +100 %; the sample estimate and its interval around it
            assertEquals(100, r.getChangePercent(), 25, r.describe());
            assertTrue(r.getCiLowPercent() < r.getChangePercent() && r.getChangePercent() < r.getCiHighPercent(), r.describe());
            assertTrue(r.getCiLowPercent() > 5, r.describe());
            assertTrue(r.getMannWhitneyP() < 1e-6, "Mann-Whitney sees the shift: " + r.getMannWhitneyP());
            assertEquals(1000, r.getBaselineSamples());
            assertEquals(1000, r.getCurrentSamples());
        }
    }

    @Test
    void anIdenticalDistributionDoesNotRegress() {
        double[] base = latencies(20, 1000, 3);
        double[] now = latencies(20, 1000, 4);
        for (String stat : List.of("p50", "p90", "p99", "avg")) {
            MetricComparison r = compare("request_latency:" + stat, 5, base, now);
            assertEquals(Verdict.WithinTolerance, r.getVerdict(), r.describe());
            assertTrue(r.getCiLowPercent() < 0 && r.getCiHighPercent() > 0, "the interval covers no change: " + r.describe());
        }
        MetricComparison same = compare("request_latency:p99", 0, base, base.clone());
        assertEquals(Verdict.WithinTolerance, same.getVerdict(), same.describe());
        assertEquals(0.0, same.getChangePercent());
        assertEquals(1.0, same.getMannWhitneyP(), 1e-9);
    }

    @Test
    void aSmallShiftInsideTheToleranceIsNotARegressionButIsOneWithoutTolerance() {
        double[] base = latencies(20, 2000, 5);
        double[] now = Arrays.stream(base).map(v -> v * 1.03).toArray(); // exactly +3 %
        MetricComparison tolerant = compare("request_latency:p50", 10, base, now);
        assertEquals(Verdict.WithinTolerance, tolerant.getVerdict(), tolerant.describe());
        assertEquals(3, tolerant.getChangePercent(), 1e-6);
        MetricComparison strict = compare("request_latency:p50", 0, base, latencies(20 * 1.2, 2000, 6));
        assertEquals(Verdict.Regressed, strict.getVerdict(), strict.describe());
    }

    @Test
    void fasterIsAnImprovementAndLessThroughputPerUserIsARegression() {
        double[] base = latencies(40, 500, 7);
        double[] now = latencies(20, 500, 8);
        assertEquals(Verdict.Improved, compare("inter_token_latency:p50", 5, base, now).getVerdict());
        // larger is better: halving tokens/s per user is worse, doubling it better
        assertEquals(Verdict.Regressed, compare("output_token_throughput_per_user:p50", 5, base, now).getVerdict());
        assertEquals(Verdict.Improved, compare("output_token_throughput_per_user:avg", 5, now, base).getVerdict());
    }

    @Test
    void tooFewOrNoValuesGiveNoVerdict() {
        MetricComparison few = compare("time_to_first_token:p99", 5, latencies(20, 9, 9), latencies(40, 100, 10));
        assertEquals(Verdict.TooFewSamples, few.getVerdict());
        assertNull(few.getChangePercent());
        MetricComparison missing = TEST.compare(MetricGate.parse("time_to_first_token", 5), null, metric(latencies(20, 50, 11)));
        assertEquals(Verdict.Missing, missing.getVerdict());
        assertTrue(missing.getNote().contains("baseline"), missing.getNote());
    }

    @Test
    void theSameInputsGiveTheSameFigures() {
        double[] base = latencies(20, 800, 12);
        double[] now = latencies(23, 800, 13);
        MetricComparison a = compare("request_latency:p99", 5, base, now);
        MetricComparison b = compare("request_latency:p99", 5, base, now);
        assertEquals(a.describe(), b.describe());
        assertEquals(a.getCiLowPercent(), b.getCiLowPercent());
    }

    @Test
    void aReportRegressesWhenOneFigureDoesAndIsInconclusiveWhenOneCannotBeCompared() {
        RequestSamples base = RequestSamplesTest.samples("time_to_first_token", latencies(20, 300, 14), "request_latency", latencies(100, 300, 15));
        RequestSamples now = RequestSamplesTest.samples("time_to_first_token", latencies(40, 300, 16), "request_latency", latencies(100, 300, 17));
        RegressionReport report = TEST.compare(MetricGate.parseList(GateMetrics.DEFAULTS, 5), base, now, true);
        assertEquals(4, report.metrics().size(), "inter_token_latency is in neither run: skipped");
        assertEquals(RegressionReport.Outcome.Regressed, report.outcome(), report.summary());
        assertTrue(report.summary().startsWith("2 of 4 figures regressed (95% confidence): time_to_first_token p50 "), report.summary());

        RegressionReport unchanged = TEST.compare(MetricGate.parseList("request_latency:p50,inter_token_latency:p50", 5), base, now, false);
        assertEquals(RegressionReport.Outcome.Inconclusive, unchanged.outcome(), unchanged.summary());
        assertTrue(unchanged.summary().contains("inter_token_latency p50: Missing"), unchanged.summary());
    }

    @Test
    void badGatesAreRefusedWithTheFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricGate.parse("request_throughput:avg", 5))
                .getMessage().contains("use one of time_to_first_token"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricGate.parse("time_to_first_token:p100", 5))
                .getMessage().contains("use avg or a percentile"));
        assertThrows(IllegalArgumentException.class, () -> MetricGate.parse("time_to_first_token", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MetricGate.parse("time_to_first_token", -1));
        assertThrows(IllegalArgumentException.class, () -> new RegressionTest(0.5));
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) v[i] = i + 1;
        assertEquals(50.5, Statistic.parse("p50").of(v), 1e-12);
        assertEquals(99.01, Statistic.parse("p99").of(v), 1e-12);
        assertEquals(50.5, Statistic.parse("avg").of(v), 1e-12);
        assertEquals(99.901, Statistic.parse("p99.9").of(v), 1e-9);
    }
}
