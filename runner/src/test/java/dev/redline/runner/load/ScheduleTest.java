package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000_000_000L;

    /** Runs a pacer on virtual time; returns (intended, clock-at-dispatch) pairs. */
    private static List<long[]> pace(ArrivalSchedule s, int max, long endOffsetNs, ManualClock clock, java.util.function.LongConsumer onDispatch) {
        List<long[]> out = new ArrayList<>();
        Pacer p = new Pacer(clock, s, OpenLoopPhase.MAX_CATCH_UP_NS, endOffsetNs, intended -> {
            out.add(new long[]{intended, clock.nanoTime()});
            onDispatch.accept(out.size());
            return out.size() < max;
        });
        p.runFrom(T0);
        return out;
    }

    private static RateSchedule rate(LoadType type, double rps, double k, double ramp, long seed) {
        return new RateSchedule(rps, ramp, new IntervalSampler(type, k, seed));
    }

    @Test
    void constantRateSendsAtExactInstantsFromTimeZero() {
        ManualClock clock = new ManualClock(T0);
        List<long[]> sends = pace(rate(LoadType.CONSTANT, 100, 1, 0, 1), 50, -1, clock, n -> { });
        assertEquals(50, sends.size());
        for (int k = 0; k < 50; k++) {
            assertEquals(T0 + k * 10 * MS, sends.get(k)[0], "arrival " + k);
            assertEquals(sends.get(k)[0], sends.get(k)[1], "dispatched exactly at its instant");
        }
    }

    @Test
    void lateSendDoesNotShiftTheScheduleWithinTheCatchUpWindow() {
        ManualClock clock = new ManualClock(T0);
        // dispatch 5 (due 40 ms) takes 17 ms (e.g. a GC pause): arrival 6 (due 50 ms) goes 7 ms late, later ones on time
        List<long[]> sends = pace(rate(LoadType.CONSTANT, 100, 1, 0, 1), 10, -1, clock, n -> { if (n == 5) clock.advance(17 * MS); });
        assertEquals(T0 + 50 * MS, sends.get(5)[0]);
        assertEquals(T0 + 57 * MS, sends.get(5)[1], "sent late");
        assertEquals(T0 + 60 * MS, sends.get(6)[0]);
        assertEquals(T0 + 60 * MS, sends.get(6)[1], "the next send keeps its absolute time");
    }

    @Test
    void fallingBehindMoreThanTheWindowReanchorsInsteadOfBursting() {
        ManualClock clock = new ManualClock(T0);
        List<long[]> out = new ArrayList<>();
        Pacer p = new Pacer(clock, rate(LoadType.CONSTANT, 100, 1, 0, 1), OpenLoopPhase.MAX_CATCH_UP_NS, -1, intended -> {
            out.add(new long[]{intended, clock.nanoTime()});
            if (out.size() == 3) clock.advance(55 * MS); // stall: 5 arrivals missed
            return out.size() < 6;
        });
        p.runFrom(T0);
        assertEquals(1, p.reanchors());
        assertEquals(T0 + 75 * MS, out.get(3)[0], "re-anchored to now, not due time 30 ms");
        assertEquals(T0 + 85 * MS, out.get(4)[0], "the rest follows the new anchor: no burst");
        assertEquals(T0 + 95 * MS, out.get(5)[0]);
    }

    @Test
    void noArrivalAtOrAfterTheDuration() {
        ManualClock clock = new ManualClock(T0);
        List<long[]> sends = pace(rate(LoadType.CONSTANT, 100, 1, 0, 1), 1000, 300 * MS, clock, n -> { });
        assertEquals(30, sends.size());
        assertEquals(T0 + 290 * MS, sends.get(29)[0]);
    }

    private static double[] gapsSeconds(RateSchedule s, int n) {
        double[] g = new double[n];
        long prev = s.nextOffsetNs();
        assertEquals(0, prev, "first arrival at t = 0");
        for (int i = 0; i < n; i++) {
            long next = s.nextOffsetNs();
            g[i] = (next - prev) / 1e9;
            prev = next;
        }
        return g;
    }

    @Test
    void poissonGapsPassKsAgainstExponential() {
        double lambda = 200;
        double[] gaps = gapsSeconds(rate(LoadType.POISSON, lambda, 1, 0, 7), 5000);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double p = ks.kolmogorovSmirnovTest(new ExponentialDistribution(1 / lambda), gaps);
        assertTrue(p > 0.01, "Poisson inter-arrivals fit Exp(mean 1/lambda): p=" + p);
        double wrong = ks.kolmogorovSmirnovTest(new GammaDistribution(4, 1 / (lambda * 4)), gaps);
        assertTrue(wrong < 1e-6, "and the test does reject a different distribution: p=" + wrong);
    }

    @Test
    void gammaGapsPassKsForBurstyAndSmoothShapes() {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (double k : new double[]{0.5, 4.0}) {
            double lambda = 150;
            double[] gaps = gapsSeconds(rate(LoadType.GAMMA, lambda, k, 0, 11), 5000);
            double p = ks.kolmogorovSmirnovTest(new GammaDistribution(k, 1 / (lambda * k)), gaps);
            assertTrue(p > 0.01, "Gamma(k=" + k + ") fits: p=" + p);
            double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
            assertEquals(1 / lambda, mean, 0.1 / lambda, "mean gap is 1/rate for any shape");
        }
    }

    @Test
    void rateRampStepsUpEveryTenthOfASecond() {
        // 100 req/s ramped over 1 s: the rate in window i (0.1 s each) is 100 x (i+1)/10
        RateSchedule s = rate(LoadType.CONSTANT, 100, 1, 1.0, 1);
        int[] perWindow = new int[15];
        long t;
        while ((t = s.nextOffsetNs()) < 1_500 * MS) perWindow[(int) (t / (100 * MS))]++;
        for (int i = 0; i < 15; i++) {
            double expected = i < 10 ? 10.0 * (i + 1) / 10 : 10.0;
            assertEquals(expected, perWindow[i], 1.0, "window " + i);
        }
        assertEquals(100 * (0.1 / 1.0) / 1e9, s.ratePerNsAt(0), 1e-18, "starts at target x 0.1/T");
    }

    private static int[] perWindow(RateSchedule s, long windowNs, int windows) {
        int[] out = new int[windows];
        long t;
        while ((t = s.nextOffsetNs()) < windowNs * windows) out[(int) (t / windowNs)]++;
        return out;
    }

    @Test
    void rateSeriesIsFollowedPiecewiseLinearlyAndHeldAfterItsLastPoint() {
        // 10 -> 50 req/s over 2 s, down to 20 at 4 s, then held: per 0.5 s window the count is the rate's integral
        List<dev.redline.api.v1alpha1.RateSeriesPoint> pts = List.of(new dev.redline.api.v1alpha1.RateSeriesPoint(0, 10),
                new dev.redline.api.v1alpha1.RateSeriesPoint(2, 50), new dev.redline.api.v1alpha1.RateSeriesPoint(4, 20));
        int[] got = perWindow(RateSchedule.series(pts, 0, new IntervalSampler(LoadType.CONSTANT, 1, 1)), 500 * MS, 12);
        for (int w = 0; w < 12; w++) {
            double expected = 0;
            for (int step = w * 5; step < w * 5 + 5; step++) { // stepped every 0.1 s at the value at the step's start
                double at = step * 0.1;
                double rate = at >= 4 ? 20 : at <= 2 ? 10 + 20 * at : 50 - 15 * (at - 2);
                expected += rate * 0.1;
            }
            assertEquals(expected, got[w], 1.01, "window " + w);
        }
        // Poisson arrivals follow the same curve on average
        int[] poisson = perWindow(RateSchedule.series(List.of(new dev.redline.api.v1alpha1.RateSeriesPoint(0, 100),
                new dev.redline.api.v1alpha1.RateSeriesPoint(10, 1000)), 0, new IntervalSampler(LoadType.POISSON, 1, 5)), 1_000 * MS, 10);
        for (int w = 0; w < 10; w++) {
            double expected = 100 + 90 * (w + 0.45); // mean of the stepped values in second w
            assertEquals(expected, poisson[w], 5 * Math.sqrt(expected), "second " + w);
        }
    }

    @Test
    void rateRampLeadsToTheSeriesFirstRateAndTheSeriesStartsAfterIt() {
        List<dev.redline.api.v1alpha1.RateSeriesPoint> pts = List.of(new dev.redline.api.v1alpha1.RateSeriesPoint(0, 40),
                new dev.redline.api.v1alpha1.RateSeriesPoint(1, 80));
        RateSchedule s = RateSchedule.series(pts, 1.0, new IntervalSampler(LoadType.CONSTANT, 1, 1));
        assertEquals(40 * 0.1 / 1e9, s.ratePerNsAt(0), 1e-18, "the ramp starts at the first qps x 0.1/T");
        assertEquals(40 / 1e9, s.ratePerNsAt(950 * MS), 1e-18, "and reaches it at the ramp's end");
        assertEquals(40 / 1e9, s.ratePerNsAt(1_050 * MS), 1e-18, "the series' first step");
        assertEquals(60 / 1e9, s.ratePerNsAt(1_500 * MS), 1e-15, "half-way through the series");
        assertEquals(80 / 1e9, s.ratePerNsAt(5_000 * MS), 1e-18, "held after the last point");
        int[] got = perWindow(s, 1_000 * MS, 3);
        assertEquals(22, got[0], 1.01, "ramp: 40 x (1+...+10)/100");
        assertEquals(58, got[1], 1.01, "series second: mean of 40, 44, ... 76");
        assertEquals(80, got[2], 1.01);
    }

    @Test
    void concurrencyRampStepsReachTheTargetAtTheEnd() {
        long ramp = 4_000 * MS;
        assertEquals(List.of(1_000 * MS, 2_000 * MS, 3_000 * MS, 4_000 * MS),
                List.of(Ramps.stepAtNs(1, 5, ramp), Ramps.stepAtNs(2, 5, ramp), Ramps.stepAtNs(3, 5, ramp), Ramps.stepAtNs(4, 5, ramp)));
        assertEquals(1, SlotGate.rampLimit(5, ramp, 0));
        assertEquals(1, SlotGate.rampLimit(5, ramp, 999 * MS));
        assertEquals(2, SlotGate.rampLimit(5, ramp, 1_000 * MS));
        assertEquals(4, SlotGate.rampLimit(5, ramp, 3_500 * MS));
        assertEquals(5, SlotGate.rampLimit(5, ramp, 4_000 * MS));
    }

    @Test
    void slotGateQueuesInOrderAndHonoursARaisedLimit() {
        SlotGate g = new SlotGate(1);
        List<Integer> ran = new ArrayList<>();
        g.acquire(() -> ran.add(1));
        g.acquire(() -> ran.add(2));
        g.acquire(() -> ran.add(3));
        assertEquals(List.of(1), ran);
        g.release();
        assertEquals(List.of(1, 2), ran);
        g.setLimit(2);
        assertEquals(List.of(1, 2, 3), ran);
        assertEquals(2, g.used());
        g.release();
        g.release();
        assertEquals(0, g.used());
        assertEquals(2, g.maxUsed());
    }
}
