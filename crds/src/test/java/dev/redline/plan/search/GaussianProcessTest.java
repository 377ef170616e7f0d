package dev.redline.plan.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianProcessTest {
    private static double matern(double r) {
        return (1 + Math.sqrt(5) * r + 5.0 / 3 * r * r) * Math.exp(-Math.sqrt(5) * r);
    }

    @Test
    void twoPointPosteriorEqualsTheClosedForm() {
        double ls = 0.3, noise = 1e-4;
        double[][] x = {{0.2}, {0.7}};
        double[] y = {1, -1};
        var h = new GaussianProcess.Hyperparameters(1.0, new double[] {ls}, noise);
        GaussianProcess gp = GaussianProcess.withHyperparameters(x, y, null, h);
        // standardised targets: mean 0, sd sqrt(2)
        double s = Math.sqrt(2);
        double[] ys = {1 / s, -1 / s};
        double k12 = matern(0.5 / ls);
        double a = 1 + noise + 1e-10, det = a * a - k12 * k12;
        for (double xs : new double[] {0.0, 0.4, 0.45, 1.0}) {
            double k1 = matern(Math.abs(xs - 0.2) / ls), k2 = matern(Math.abs(xs - 0.7) / ls);
            // (K)^-1 = [[a, -k12], [-k12, a]] / det
            double w1 = (a * k1 - k12 * k2) / det, w2 = (a * k2 - k12 * k1) / det;
            double mean = s * (w1 * ys[0] + w2 * ys[1]);
            double var = 2 * (1 - (k1 * (a * k1 - k12 * k2) + k2 * (a * k2 - k12 * k1)) / det);
            GaussianProcess.Prediction p = gp.predict(new double[] {xs});
            assertEquals(mean, p.mean(), 1e-9, "mean at " + xs);
            assertEquals(var, p.variance(), 1e-9, "variance at " + xs);
        }
    }

    @Test
    void nearlyNoiselessPosteriorInterpolatesAndReturnsToThePriorFarAway() {
        double[][] x = {{0.1, 0.1}, {0.5, 0.2}, {0.9, 0.8}, {0.3, 0.7}};
        double[] y = {3, 5, 2, 7};
        var h = new GaussianProcess.Hyperparameters(1.0, new double[] {0.1, 0.1}, 1e-8);
        GaussianProcess gp = GaussianProcess.withHyperparameters(x, y, null, h);
        for (int i = 0; i < x.length; i++) {
            GaussianProcess.Prediction p = gp.predict(x[i]);
            assertEquals(y[i], p.mean(), 1e-3);
            assertTrue(p.sd() < 0.01, "sd at a training point " + p.sd());
        }
        // far from every point (in length-scale units) the posterior is the prior: the data mean, data variance
        double mean = (3 + 5 + 2 + 7) / 4.0;
        double var = ((3 - mean) * (3 - mean) + (5 - mean) * (5 - mean) + (2 - mean) * (2 - mean) + (7 - mean) * (7 - mean)) / 3;
        GaussianProcess.Prediction far = gp.predict(new double[] {0.95, 0.1});
        assertEquals(mean, far.mean(), 0.05);
        assertEquals(var, far.variance(), 0.05 * var);
    }

    @Test
    void fittedModelRecoversASmoothFunctionWithCalibratedUncertainty() {
        int n = 14;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i / (n - 1.0)};
            y[i] = f(x[i][0]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, null, 1);
        int inside = 0, total = 0;
        double worst = 0;
        for (double t = 0.013; t < 1; t += 0.031) {
            GaussianProcess.Prediction p = gp.predict(new double[] {t});
            worst = Math.max(worst, Math.abs(p.mean() - f(t)));
            if (Math.abs(p.mean() - f(t)) <= 3 * p.sd() + 1e-6) inside++;
            total++;
        }
        assertTrue(worst < 0.05, "max error between the points " + worst);
        assertTrue(inside >= 0.9 * total, "true value within 3 sd at " + inside + "/" + total);
    }

    private static double f(double t) { return Math.sin(2 * Math.PI * t) + 0.5 * t; }

    @Test
    void maximumLikelihoodBeatsTheDefaultStartAndFindsTheIrrelevantInput() {
        // depends on x0 only: ARD must give x1 a much longer length scale
        int n = 30;
        double[][] x = SobolPoints.points(2, 1, n, 3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.cos(4 * x[i][0]);
        GaussianProcess gp = GaussianProcess.fit(x, y, null, 5);
        double[] ls = gp.hyperparameters().lengthScales();
        assertTrue(ls[1] > 3 * ls[0], "length scales " + ls[0] + ", " + ls[1]);
        GaussianProcess.Standardized s = GaussianProcess.Standardized.of(y, null);
        double atDefault = GaussianProcess.logMarginalLikelihood(x, s.y(), s.variance(),
                new GaussianProcess.Hyperparameters(1.0, new double[] {0.3, 0.3}, 1e-3));
        assertTrue(gp.logMarginalLikelihood() >= atDefault, gp.logMarginalLikelihood() + " < " + atDefault);
    }

    @Test
    void knownObservationNoiseLetsPreciseMeansOutweighNoisyOnes() {
        // two observations at almost the same place disagree; the one with the small standard error wins
        double[][] x = {{0.5}, {0.5001}, {0.0}, {1.0}};
        double[] y = {10, 0, 5, 5};
        double[] variance = {100, 0.01, 0.01, 0.01};
        var h = new GaussianProcess.Hyperparameters(1.0, new double[] {0.3}, 1e-6);
        GaussianProcess gp = GaussianProcess.withHyperparameters(x, y, variance, h);
        double m = gp.predict(new double[] {0.5}).mean();
        assertTrue(Math.abs(m - 0) < 1.0, "posterior mean " + m + " should follow the precise observation (0)");
    }

    @Test
    void fitWithOnePointOrConstantTargetsIsWellDefined() {
        GaussianProcess one = GaussianProcess.fit(new double[][] {{0.3}}, new double[] {4}, null, 0);
        assertEquals(4, one.predict(new double[] {0.3}).mean(), 1e-3);
        GaussianProcess flat = GaussianProcess.fit(new double[][] {{0.1}, {0.6}, {0.9}}, new double[] {2, 2, 2}, null, 0);
        GaussianProcess.Prediction p = flat.predict(new double[] {0.4});
        assertEquals(2, p.mean(), 1e-6);
        assertTrue(Double.isFinite(p.variance()));
    }
}
