package dev.redline.plan.search;

import org.apache.commons.math3.special.Erf;

/**
 * Log expected improvement that stays finite and accurate far into the tail, after Ament et al.,
 * "Unexpected Improvements to Expected Improvement for Bayesian Optimization" (NeurIPS 2023):
 * {@code log EI = log sd + log h(z)}, {@code h(z) = phi(z) + z Phi(z)}, {@code z = (mean - best) / sd},
 * with {@code log h} evaluated directly for {@code z > -1}, through the scaled complementary error
 * function ({@code log1mexp} form) down to {@code z = -100}, and below that by the asymptotic expansion
 * {@code log h = log phi(z) - 2 log|z| + log(1 - 3/z^2 + 15/z^4 - 105/z^6 + 945/z^8)}, whose leading
 * part is the paper's {@code -1/sqrt(eps)} branch and whose correction is below 1e-16 there (the erfcx form
 * loses ~{@code z^2 eps} to cancellation, so it stops where that would start to matter). Plain EI
 * underflows to 0 (log -inf) near {@code z = -38}; this does not.
 */
public final class LogExpectedImprovement {
    private static final double C1 = 0.5 * Math.log(2 * Math.PI);
    private static final double C2 = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double ASYMPTOTIC_BELOW = 100;
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private LogExpectedImprovement() { }

    /** log EI of a maximisation at a point with posterior {@code mean, sd} against the incumbent {@code best}. */
    public static double logEi(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return mean > best ? Math.log(mean - best) : Double.NEGATIVE_INFINITY;
        }
        return Math.log(sd) + logH((mean - best) / sd);
    }

    /** {@code log(phi(z) + z Phi(z))}, finite for every finite z. */
    public static double logH(double z) {
        if (z > -1) {
            return Math.log(phi(z) + z * normalCdf(z));
        }
        if (z > -ASYMPTOTIC_BELOW) {
            double a = Math.log(erfcx(-z / SQRT2) * Math.abs(z)) + C2;
            return -0.5 * z * z - C1 + log1mexp(a);
        }
        double w = 1.0 / (z * z);
        double series = w * (-3 + w * (15 + w * (-105 + w * 945)));
        // beyond |z| ~ 1e154 z^2 overflows; the most negative finite double keeps the ordering usable
        return Math.max(-0.5 * z * z - C1 - 2 * Math.log(Math.abs(z)) + Math.log1p(series), -Double.MAX_VALUE);
    }

    /** {@code log Phi(z)}, stable for very negative z (probability of feasibility of a constraint). */
    public static double logNormalCdf(double z) {
        if (z > 5) return Math.log1p(-0.5 * Erf.erfc(z / SQRT2));
        if (z > -5) return Math.log(0.5 * Erf.erfc(-z / SQRT2));
        return Math.log(0.5 * erfcx(-z / SQRT2)) - 0.5 * z * z;
    }

    /** {@code exp(x^2) erfc(x)} for {@code x >= 0}; the asymptotic series beyond 10, where erfc underflows. */
    static double erfcx(double x) {
        if (x < 0) throw new IllegalArgumentException("erfcx is only used for x >= 0, got " + x);
        if (x < 10) return Math.exp(x * x) * Erf.erfc(x);
        // 1/(x sqrt(pi)) * sum_n (-1)^n (2n-1)!! / (2x^2)^n; at x >= 10 the 14th term is below 1e-17.
        double inv = 1.0 / (2 * x * x);
        double term = 1, sum = 1;
        for (int n = 1; n <= 14; n++) {
            term *= -(2 * n - 1) * inv;
            sum += term;
        }
        return sum / (x * SQRT_PI);
    }

    /** {@code log(1 - exp(a))} for {@code a < 0}, accurate on both sides of -log 2 (Maechler). */
    static double log1mexp(double a) {
        return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }

    private static double phi(double z) { return Math.exp(-0.5 * z * z - C1); }

    private static double normalCdf(double z) { return 0.5 * Erf.erfc(-z / SQRT2); }
}
