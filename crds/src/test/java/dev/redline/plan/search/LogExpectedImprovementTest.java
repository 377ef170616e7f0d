package dev.redline.plan.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogExpectedImprovementTest {
    /** log h(z) to 20 digits by mpmath at 50 digits (see docs/search.md for the script). */
    private static final double[][] LOG_H = {
            {2, 0.69738354578822831219}, {0.5, -0.35982768374506381859}, {0, -0.91893853320467274178},
            {-0.5, -1.6205162643873199193}, {-1, -2.4851210257126413368}, {-3, -7.8696860596030285171},
            {-10, -55.553122036122355927}, {-37, -692.64296016327040574}, {-40, -808.29856835661996024},
            {-99, -4910.6094842154551178}, {-100, -5010.1295788002497923}, {-101, -5110.6494735548640203},
            {-1e3, -500014.73445209115845}, {-1e5, -5000000023.9447894634}, {-1e8, -5000000000000037.7603}};

    @Test
    void logHMatchesHighPrecisionValuesAcrossAllBranches() {
        for (double[] c : LOG_H) {
            double got = LogExpectedImprovement.logH(c[0]);
            assertEquals(c[1], got, 1e-12 * Math.max(1, Math.abs(c[1])), "log h(" + c[0] + ")");
        }
    }

    @Test
    void logHIsFiniteAndIncreasingFromTheFarTailToPositiveZ() {
        double prev = Double.NEGATIVE_INFINITY;
        int steps = 0;
        for (double z = -1e12; z < 8; z = z < -2 ? z / 1.07 : z + 0.01) {
            double v = LogExpectedImprovement.logH(z);
            assertTrue(Double.isFinite(v), "log h(" + z + ") = " + v);
            assertTrue(v > prev, "log h not increasing at z=" + z);
            prev = v;
            steps++;
        }
        assertTrue(steps > 1000);
        assertTrue(Double.isFinite(LogExpectedImprovement.logH(-1e200)), "finite even where z^2 overflows");
    }

    @Test
    void branchesJoinContinuously() {
        for (double z : new double[] {-1, -100}) {
            double below = LogExpectedImprovement.logH(Math.nextDown(z));
            double at = LogExpectedImprovement.logH(z);
            assertEquals(at, below, 1e-9 * Math.abs(at), "jump at z=" + z);
        }
    }

    @Test
    void tinyImprovementsGiveFiniteLogEiWherePlainEiUnderflows() {
        // mean far below the incumbent relative to sd: EI = sd * h(z) is 0 in doubles
        double mean = 0, sd = 1e-3, best = 1;
        double z = (mean - best) / sd;
        double plain = sd * (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2)));
        assertTrue(plain <= 0, "plain EI underflows here (that is the point of the test)");
        double log = LogExpectedImprovement.logEi(mean, sd, best);
        assertTrue(Double.isFinite(log));
        assertEquals(Math.log(sd) + LogExpectedImprovement.logH(z), log, 1e-9 * Math.abs(log));
        // still ordered: a slightly better mean has a larger log EI
        assertTrue(LogExpectedImprovement.logEi(mean + 1e-4, sd, best) > log);
    }

    @Test
    void logEiAgreesWithPlainEiWhereThatIsAccurate() {
        for (double mean = -3; mean <= 3; mean += 0.25) {
            double sd = 0.7, best = 0.4;
            double z = (mean - best) / sd;
            double ei = sd * (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) + z * 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2)));
            assertEquals(Math.log(ei), LogExpectedImprovement.logEi(mean, sd, best), 1e-9);
        }
    }

    @Test
    void zeroSdIsTheImprovementItself() {
        assertEquals(Math.log(2), LogExpectedImprovement.logEi(3, 0, 1), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, LogExpectedImprovement.logEi(1, 0, 3));
    }

    @Test
    void erfcxAndLogNormalCdfMatchReferenceValues() {
        assertEquals(0.42758357615580700441, LogExpectedImprovement.erfcx(1), 1e-15);
        assertEquals(0.056140992743822585858, LogExpectedImprovement.erfcx(10), 1e-16);
        assertEquals(0.056140992743822585858, LogExpectedImprovement.erfcx(Math.nextDown(10.0)), 1e-15);
        assertEquals(0.018795888861416751497, LogExpectedImprovement.erfcx(30), 1e-17);
        assertEquals(-804.60844201375378817, LogExpectedImprovement.logNormalCdf(-40), 1e-10);
        assertEquals(-17.779376352625260511, LogExpectedImprovement.logNormalCdf(-5.5), 1e-12);
        assertEquals(-6.6077262215103495433, LogExpectedImprovement.logNormalCdf(-3), 1e-12);
        assertEquals(-0.69314718055994530942, LogExpectedImprovement.logNormalCdf(0), 1e-15);
        assertEquals(-9.8658764552437573169e-10, LogExpectedImprovement.logNormalCdf(6), 1e-20);
    }
}
